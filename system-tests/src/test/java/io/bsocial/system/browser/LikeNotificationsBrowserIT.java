package io.bsocial.system.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.bsocial.system.browser.Browser.Screen;
import io.bsocial.system.support.EndToEnd;
import io.bsocial.system.support.FollowNotifications;
import io.bsocial.web.support.ApiClient;
import io.bsocial.web.support.TestUsers;
import io.bsocial.web.support.TestUsers.LoggedIn;

/**
 * Likes reach the bell live, at 1280×900 and 390×844: Bob likes Ada's post and Ada's bell says
 * "… liked your post “…”" without a reload; a second liker joins the same entry ("… and 1 other
 * liked your post"); an unlike takes the like back out of it. axe finds nothing serious with the
 * bell open, and the notifications page still lists each like on its own.
 */
class LikeNotificationsBrowserIT extends EndToEnd {

    @ParameterizedTest
    @EnumSource(Screen.class)
    void aLikeLightsTheBellLiveAndTwoLikersShareOneEntry(Screen screen) {
        ApiClient api = new ApiClient(port);
        LoggedIn ada = TestUsers.create(api, "likedada");
        LoggedIn bob = TestUsers.create(api, "likerbob");
        LoggedIn cyd = TestUsers.create(api, "likercyd");
        TestUsers.follow(api, bob, ada);
        FollowNotifications.readAll(NOTIFIER_PORT, ada);
        TestUsers.follow(api, cyd, ada);
        FollowNotifications.readAll(NOTIFIER_PORT, ada);
        long post = TestUsers.post(api, ada, "Analytical engines weave algebraic patterns");

        browser = Browser.lease("http://localhost:" + port, screen);
        browser.logInLive(ada);
        browser.markPage();

        like(api, bob, post);
        browser.waitForText("#notification-count", "1");
        String bobsName = "Test User " + bob.username();
        browser.waitFor(d -> bellList().contains(bobsName
                + " liked your post \u201cAnalytical engines weave algebraic patterns\u201d"));
        assertThat(browser.isSamePage()).isTrue();

        like(api, cyd, post);
        browser.waitForText("#notification-count", "2");
        browser.waitFor(d -> bellList().contains("Test User " + cyd.username() + " and 1 other liked your post"));
        assertThat(likeEntries()).as("one entry for the two likes").isEqualTo(1);

        browser.click("#notification-bell");
        browser.waitFor(d -> browser.find("#notification-list .notification-item a").isDisplayed());
        browser.assertInsideViewport("#notification-list .notification-item");
        assertThat(AccessibilityIT.blockingViolations(browser, "the bell with grouped likes")).isEmpty();
        browser.screenshot(Path.of("target", "screenshots", "like-notifications-" + screen.label() + ".png"));
        assertThat(browser.find("#notification-list .notification-item a").getDomAttribute("href"))
                .isEqualTo("/posts/" + post);

        // Cyd takes the like back: the entry is Bob's alone again, live.
        assertThat(api.send("DELETE", "/api/posts/" + post + "/like", null, null, cyd.auth()).status()).isEqualTo(200);
        browser.waitFor(d -> !bellList().contains(" and 1 other"));
        assertThat(bellList()).contains(bobsName + " liked your post");

        // The page lists every like on its own.
        browser.open("/notifications");
        browser.waitForText("#notification-entries", bobsName + " liked your post");
        assertThat(browser.all("#notification-entries .notification-entry")).extracting(e -> e.getText())
                .filteredOn(text -> text.contains("liked your post")).hasSize(1);
        assertThat(AccessibilityIT.blockingViolations(browser, "the notifications page with a like")).isEmpty();
        assertThat(browser.consoleErrors()).isEmpty();
    }

    private static void like(ApiClient api, LoggedIn who, long post) {
        assertThat(api.send("PUT", "/api/posts/" + post + "/like", null, null, who.auth()).status()).isEqualTo(200);
    }

    private long likeEntries() {
        return ((Number) browser.script("return Array.from(document.querySelectorAll('#notification-list .notification-item'))"
                + ".filter(function (item) { return item.textContent.includes('liked your post'); }).length;"))
                .longValue();
    }

    private String bellList() {
        return (String) browser.script("return document.getElementById('notification-list').textContent;");
    }
}
