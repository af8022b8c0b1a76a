package io.bsocial.system.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;

import io.bsocial.system.browser.Browser.Screen;
import io.bsocial.system.support.EndToEnd;
import io.bsocial.web.support.ApiClient;
import io.bsocial.web.support.TestUsers;
import io.bsocial.web.support.TestUsers.LoggedIn;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The settings page on a desktop (1280×900) and a phone (390×844): the profile saved in place (the
 * top bar renamed), a refused save and one without network that keep what was typed; a wrong
 * current password said by its field, then a password change that keeps this browser signed in;
 * the export downloaded once, refused the second time; axe-core clean in both colour modes.
 */
class SettingsBrowserIT extends EndToEnd {

    private static final String NEW_PASSWORD = "another long passphrase";

    @TempDir
    Path downloads;

    @ParameterizedTest
    @EnumSource(Screen.class)
    void editTheProfileChangeThePasswordAndDownloadTheData(Screen screen) throws IOException {
        ApiClient api = new ApiClient(port);
        LoggedIn me = TestUsers.create(api, "settingsui");
        LoggedIn friend = TestUsers.create(api, "settingsfriend");
        browser = Browser.lease("http://localhost:" + port, screen);
        browser.logInAs(me);
        if (screen == Screen.PHONE) {
            browser.click("button.navbar-toggler");
        }
        browser.click("#nav-settings");
        browser.waitForPath("/settings");
        browser.markPage();

        // The profile, saved in place: the top bar says the new name at once.
        browser.type("#profile-firstName", "Ada");
        browser.type("#profile-bio", "Ask @" + friend.username() + " about #engines");
        browser.click("#profile-save");
        browser.waitForText("#profile-saved", "Your profile is saved.");
        assertThat(browser.isSamePage()).as("in place").isTrue();
        assertThat(browser.find("#profile-firstName").getDomProperty("value")).isEqualTo("Ada");
        assertThat(browser.script("return document.getElementById('nav-user').textContent.trim();"))
                .isEqualTo("Ada User " + me.username());
        assertThat(api.get("/api/me", me.auth()).json().get("bio").asString())
                .isEqualTo("Ask @" + friend.username() + " about #engines");

        // A bio past 300 characters waits at the counter; a refused save (a blank name) is said by
        // its field and what was typed stays; so it does without network.
        browser.type("#profile-bio", "b".repeat(301));
        browser.waitFor(d -> !d.findElement(By.id("profile-save")).isEnabled());
        browser.type("#profile-bio", "Kept words");
        browser.type("#profile-firstName", " ");
        browser.click("#profile-save");
        browser.waitForText("#profile-firstName-error", "First name is required.");
        assertThat(browser.value("#profile-bio")).isEqualTo("Kept words");
        browser.type("#profile-firstName", "Ada");
        browser.network(true, 0);
        browser.type("#profile-bio", "Offline words");
        browser.click("#profile-save");
        browser.waitForText("#profile-form .request-problem", "Couldn’t save your profile — try again");
        assertThat(browser.value("#profile-bio")).isEqualTo("Offline words");
        browser.network(false, 0);
        assertThat(api.get("/api/me", me.auth()).json().get("bio").asString()).as("nothing saved")
                .startsWith("Ask @");

        // The profile page shows the bio with its links.
        browser.open("/users/" + me.username());
        assertThat(browser.find("#profile-bio a.mention-link").getDomAttribute("href"))
                .isEqualTo("/users/" + friend.username());
        assertThat(browser.find("#profile-bio a.tag-link").getText()).isEqualTo("#engines");

        // The password: a wrong current one is said by its field; the right one changes it, and this
        // browser stays signed in while the API token of another session stops working.
        browser.open("/settings");
        browser.type("#password-current", "not my password");
        browser.type("#password-new", NEW_PASSWORD);
        browser.type("#password-confirmation", NEW_PASSWORD);
        browser.click("#password-save");
        browser.waitForText("#password-current-error", "Your current password is not right.");
        assertThat(browser.value("#password-new")).isEqualTo(NEW_PASSWORD);
        browser.type("#password-current", TestUsers.PASSWORD);
        browser.click("#password-save");
        browser.waitForText("#password-changed", "Your password is changed.");
        assertThat(browser.value("#password-current")).isEmpty();
        assertThat(api.get("/api/me", me.auth()).status()).as("the other session ended").isEqualTo(401);
        browser.open("/settings");
        browser.find("#settings-page");
        assertThat(api.post("/api/auth/login", ApiClient.json(Map.of("login", me.username(), "password", NEW_PASSWORD)))
                .status()).isEqualTo(200);

        // The export: downloaded once as bsocial-export-<username>.json; the second time today is refused, said.
        browser.devTools("Browser.setDownloadBehavior", Map.of("behavior", "allow",
                "downloadPath", downloads.toAbsolutePath().toString()));
        browser.click("#export-download");
        Path file = downloads.resolve("bsocial-export-" + me.username() + ".json");
        browser.waitFor(d -> Files.exists(file) && isComplete(file));
        JsonNode export = JsonMapper.builder().build().readTree(Files.readString(file));
        assertThat(export.get("profile").get("username").asString()).isEqualTo(me.username());
        assertThat(export.get("profile").get("firstName").asString()).isEqualTo("Ada");
        browser.waitForText("#export-status", "Your data is downloaded");
        browser.click("#export-download");
        browser.waitForText("#export-status .alert-danger", "Too many exports of your data");
        // The refused and failed requests are logged by the browser; no script failed.
        assertThat(browser.consoleErrors()).noneMatch(error -> error.contains("Uncaught"));
    }

    @ParameterizedTest
    @EnumSource(Screen.class)
    void theSettingsPagePassesAxeInBothColourModes(Screen screen) {
        LoggedIn me = TestUsers.create(new ApiClient(port), "settingsaxe");
        browser = Browser.lease("http://localhost:" + port, screen);
        browser.logInAs(me);
        Map<String, List<String>> violations = new LinkedHashMap<>();
        try {
            for (String scheme : List.of("dark", "light")) {
                browser.devTools("Emulation.setEmulatedMedia", Map.of("features",
                        List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
                browser.open("/settings");
                record(scheme + " /settings", violations);
                // With an error shown by a field, and a saved note.
                browser.type("#profile-firstName", " ");
                browser.click("#profile-save");
                browser.find("#profile-firstName-error");
                record(scheme + " /settings with an error", violations);
                browser.type("#profile-firstName", "Axe");
                browser.click("#profile-save");
                browser.find("#profile-saved");
                record(scheme + " /settings saved", violations);
                // Every control can be reached from the keyboard, in the order shown.
                assertThat(browser.driver().findElements(By.cssSelector("#settings-page a, #settings-page input,"
                        + " #settings-page textarea, #settings-page button"))).allSatisfy(control ->
                        assertThat(control.getDomAttribute("tabindex")).isNotEqualTo("-1"));
            }
        } finally {
            browser.devTools("Emulation.setEmulatedMedia", Map.of("features",
                    List.of(Map.of("name", "prefers-color-scheme", "value", ""))));
        }
        assertThat(violations).as("serious or critical axe violations at %s", screen).isEmpty();
    }

    private static boolean isComplete(Path file) {
        try {
            return Files.size(file) > 0 && Files.readString(file).trim().endsWith("}");
        } catch (IOException stillBeingWritten) {
            return false;
        }
    }

    private void record(String page, Map<String, List<String>> violations) {
        List<String> found = AccessibilityIT.blockingViolations(browser, page);
        if (!found.isEmpty()) {
            violations.put(page, found);
        }
    }
}
