package io.bsocial.system.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.bsocial.system.browser.Browser.Screen;
import io.bsocial.system.support.EndToEnd;
import io.bsocial.web.support.ApiClient;
import io.bsocial.web.support.TestUsers;
import io.bsocial.web.support.TestUsers.LoggedIn;

/**
 * A mention and a reply travel the whole way, at 1280×900 and 390×844: web publishes them, the
 * notifier stores them, and Bob's bell says "… mentioned you: …" (his @name a link to his profile)
 * and "… replied to your comment on “…”" live; the entry leads to the post; a mention edited away
 * leaves the bell. axe finds nothing serious with the bell open.
 */
class MentionNotificationsBrowserIT extends EndToEnd {

    @ParameterizedTest
    @EnumSource(Screen.class)
    void aMentionAndAReplyReachTheBellLive(Screen screen) {
        ApiClient api = new ApiClient(port);
        LoggedIn ada = TestUsers.create(api, "mentionada");
        LoggedIn bob = TestUsers.create(api, "mentionbob");
        LoggedIn cyd = TestUsers.create(api, "mentioncyd");
        TestUsers.follow(api, bob, ada);
        TestUsers.follow(api, cyd, ada);

        browser = Browser.lease("http://localhost:" + port, screen);
        browser.logInLive(bob);
        browser.markPage();

        long post = TestUsers.post(api, ada, "Engines and looms, @" + bob.username() + " what say you?");
        browser.waitForText("#notification-count", "1");
        browser.waitFor(d -> bellList().contains("mentioned you: Engines and looms, @" + bob.username()));
        assertThat(browser.isSamePage()).isTrue();

        long comment = TestUsers.comment(api, bob, post, "Looms first.");
        assertThat(api.post("/api/posts/" + post + "/comments",
                ApiClient.json(Map.of("content", "Engines, surely", "parentId", comment)), cyd.auth()).status())
                .isEqualTo(201);
        browser.waitForText("#notification-count", "2");
        browser.waitFor(d -> bellList().contains("Test User " + cyd.username() + " replied to your comment on \u201cEngines and looms"));

        browser.click("#notification-bell");
        browser.waitFor(d -> browser.find("#notification-list .notification-item a").isDisplayed());
        assertThat(browser.all("#notification-list a[href='/users/" + bob.username() + "']"))
                .as("the @name in the excerpt is a link").isNotEmpty();
        assertThat(AccessibilityIT.blockingViolations(browser, "the bell with a mention and a reply")).isEmpty();

        // Editing the mention away takes its notification back, live.
        assertThat(api.send("PATCH", "/api/posts/" + post, "application/json",
                ApiClient.json(Map.of("content", "Engines and looms, what say you all?")), ada.auth()).status())
                .isEqualTo(200);
        browser.waitFor(d -> !bellList().contains("mentioned you"));
        assertThat(bellList()).contains("replied to your comment");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    private String bellList() {
        return (String) browser.script("return document.getElementById('notification-list').textContent;");
    }
}
