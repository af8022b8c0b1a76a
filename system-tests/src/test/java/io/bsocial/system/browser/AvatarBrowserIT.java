package io.bsocial.system.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;

import io.bsocial.system.browser.Browser.Screen;
import io.bsocial.system.support.EndToEnd;
import io.bsocial.web.support.ApiClient;
import io.bsocial.web.support.TestUsers;
import io.bsocial.web.support.TestUsers.LoggedIn;

/**
 * The picture on /settings, on a desktop (1280×900) and a phone (390×844): a chosen picture is
 * previewed, saved in place and then shown on the feed by the author's posts instead of the
 * initials; a file that is not the image it claims to be, and an upload without network, are said
 * next to the buttons and the page stays usable; removing it brings the initials back. axe-core
 * clean with the picture shown.
 */
class AvatarBrowserIT extends EndToEnd {

    @TempDir
    Path files;

    @ParameterizedTest
    @EnumSource(Screen.class)
    void uploadSeeItOnTheFeedSurviveAFailedUploadAndRemoveIt(Screen screen) throws IOException {
        ApiClient api = new ApiClient(port);
        LoggedIn me = TestUsers.create(api, "avatarui");
        long post = TestUsers.post(api, me, "A post under my new face");
        Path picture = files.resolve("me.png");
        BufferedImage image = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, 400, 300);
        g.dispose();
        ImageIO.write(image, "png", picture.toFile());
        Path broken = files.resolve("broken.png");
        Files.write(broken, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 1, 2, 3, 4, 5, 6, 7});

        browser = Browser.lease("http://localhost:" + port, screen);
        browser.logInAs(me);
        browser.open("/settings");
        assertThat(browser.find("#avatar-initials").isDisplayed()).isTrue();
        browser.markPage();

        // Chosen: previewed; saved in place: the current picture is the served one.
        browser.find("#avatar-file").sendKeys(picture.toAbsolutePath().toString());
        browser.find("#avatar-preview");
        browser.click("#avatar-save");
        browser.waitForText("#avatar-status", "Your picture is saved.");
        assertThat(browser.isSamePage()).as("in place").isTrue();
        String url = api.get("/api/me", me.auth()).json().get("avatarUrl").asString();
        assertThat(browser.find("#avatar-current").getDomAttribute("src")).isEqualTo(url);
        assertThat(browser.driver().findElement(By.id("avatar-initials")).isDisplayed()).isFalse();
        AvatarRules.assertLoaded(browser, "#avatar-current");
        record(screen, "/settings with a picture");

        // A broken file and no network: said, nothing changes, the form still works.
        browser.find("#avatar-file").sendKeys(broken.toAbsolutePath().toString());
        browser.click("#avatar-save");
        browser.waitForText("#avatar-status .alert-danger", "not a readable PNG image");
        browser.find("#avatar-file").sendKeys(picture.toAbsolutePath().toString());
        browser.network(true, 0);
        browser.click("#avatar-save");
        browser.waitForText("#avatar-status .alert-danger", "Couldn’t save your picture — try again");
        browser.network(false, 0);
        assertThat(browser.find("#avatar-save").isEnabled()).as("usable again").isTrue();
        assertThat(api.get("/api/me", me.auth()).json().get("avatarUrl").asString()).as("unchanged").isEqualTo(url);

        // The feed: the picture by the post, with the name next to it.
        browser.open("/");
        String mine = "#post-" + post + " img.avatar-img[data-user-id='" + me.id() + "']";
        assertThat(browser.find(mine).getDomAttribute("src")).isEqualTo(url);
        assertThat(browser.find(mine).getDomAttribute("alt")).isEmpty();
        assertThat(browser.find(mine).getDomAttribute("width")).isNotBlank();
        AvatarRules.assertLoaded(browser, mine);
        record(screen, "/ with a picture");

        // Removed: the initials are back, here and on the feed.
        browser.open("/settings");
        browser.click("#avatar-remove");
        browser.waitForText("#avatar-status", "Your picture is removed.");
        assertThat(browser.find("#avatar-initials").isDisplayed()).isTrue();
        assertThat(api.get("/api/me", me.auth()).json().get("avatarUrl").isNull()).isTrue();
        assertThat(browser.consoleErrors()).noneMatch(error -> error.contains("Uncaught"));
    }

    private void record(Screen screen, String page) {
        List<String> found = AccessibilityIT.blockingViolations(browser, page);
        assertThat(found).as("serious or critical axe violations on %s at %s", page, screen).isEmpty();
    }

    /** An image is shown once the browser decoded it: its natural width is the served 256 pixels. */
    private static final class AvatarRules {

        static void assertLoaded(Browser browser, String css) {
            browser.waitFor(d -> Long.valueOf(256).equals(browser.script(
                    "const img = document.querySelector(arguments[0]); return img && img.complete ? img.naturalWidth : 0;",
                    css)));
        }
    }
}
