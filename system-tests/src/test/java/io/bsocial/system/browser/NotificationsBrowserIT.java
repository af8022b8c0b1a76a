package io.bsocial.system.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.devtools.NetworkInterceptor;
import org.openqa.selenium.remote.http.Contents;
import org.openqa.selenium.remote.http.HttpMethod;
import org.openqa.selenium.remote.http.HttpResponse;
import org.openqa.selenium.remote.http.Route;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

import io.bsocial.system.browser.Browser.Screen;
import io.bsocial.web.support.ApiClient;
import io.bsocial.system.support.EndToEnd;
import io.bsocial.system.support.FollowNotifications;
import io.bsocial.web.support.TestUsers;
import io.bsocial.web.support.TestUsers.LoggedIn;

/**
 * web and the notifier (the {@link EndToEnd} system's) in a real browser: the bell of a post's
 * author lights up, without a reload, when someone comments on the post, and the notification
 * leaves it again when the comment is deleted; also when the network dropped for a while, and over
 * HTTP polling when WebSockets cannot connect at all. The browser reaches the notifier through
 * {@link EndToEnd#browserNetwork}, which a test here cuts, like a network drop, or turns into a
 * proxy that refuses WebSocket handshakes. The feed's new-posts bar rides the same connection: two
 * people in two browsers, a followed person posting from their page, and the bar failing like
 * every other control.
 */
class NotificationsBrowserIT extends EndToEnd {

    Browser browser;

    @AfterEach
    void closeBrowserAndMendTheNetwork() throws IOException {
        if (browser != null) {
            browser.close();
        }
        // The next test, here or in another class, finds the relay as it was, even after a failure.
        browserNetwork.refuseWebSockets(false);
        browserNetwork.open();
    }

    @Test
    void theBellLightsUpLiveWhenSomeoneCommentsAndLeadsToThePost() {
        Conversation talk = Conversation.start(new ApiClient(port), "belle", "reader", "Ring my bell");

        browser = Browser.lease("http://localhost:" + port);
        browser.logInAs(talk.author());
        awaitMode("live");
        browser.markPage();
        assertThat(browser.find("#notification-bell").getDomAttribute("data-unread")).isEqualTo("0");

        talk.comment("Ding! <img src=x onerror=alert(1)>");

        browser.waitForText("#notification-count", "1");
        assertThat(browser.isSamePage()).isTrue();

        // The count survives a reload until the bell is opened.
        browser.open("/");
        browser.waitForText("#notification-count", "1");

        browser.click("#notification-bell");
        browser.waitForText("#notification-list .notification-item", "commented: Ding! <img src=x onerror=alert(1)>");
        assertThat(browser.all("#notification-list img")).isEmpty();
        browser.waitFor(d -> browser.driver().findElement(By.id("notification-count")).getDomAttribute("class")
                .contains("d-none"));
        browser.screenshot(Path.of("target", "screenshots", "notifications.png"));

        browser.click("#notification-list .notification-item a");
        browser.waitForPath("/posts/" + talk.postId());
        browser.waitForText("#comments .comment-content", "Ding!");

        browser.open("/");
        awaitMode("live");
        assertThat(browser.find("#notification-bell").getDomAttribute("data-unread")).isEqualTo("0");
    }

    @Test
    void afterANetworkDropTheBellReconnectsByItselfAndCatchesUp() throws Exception {
        Conversation talk = Conversation.start(new ApiClient(port), "dropped", "chatty", "Are you still there?");

        browser = Browser.lease("http://localhost:" + port);
        browser.logInAs(talk.author());
        awaitMode("live");
        browser.markPage();

        browserNetwork.close();
        awaitMode("polling");
        talk.comment("Knock knock");

        browserNetwork.open();
        awaitMode("live");
        browser.waitForText("#notification-count", "1");
        assertThat(browser.isSamePage()).isTrue();
        browser.click("#notification-bell");
        browser.waitForText("#notification-list .notification-item", "commented: Knock knock");
    }

    @Test
    void whenWebSocketsCannotConnectTheBellPollsOverHttp() {
        Conversation talk = Conversation.start(new ApiClient(port), "proxied", "patient", "Behind a strict proxy");

        browserNetwork.refuseWebSockets(true);
        browser = Browser.lease("http://localhost:" + port);
        browser.logInAs(talk.author());
        awaitMode("polling");
        browser.markPage();
        assertThat(browser.find("#notification-bell").getDomAttribute("data-unread")).isEqualTo("0");

        talk.comment("Polled, not pushed");

        browser.waitForText("#notification-count", "1");
        assertThat(browser.isSamePage()).isTrue();
        assertThat(browser.find("body").getDomAttribute("data-notifications")).isEqualTo("polling");
        browser.click("#notification-bell");
        browser.waitForText("#notification-list .notification-item", "commented: Polled, not pushed");
    }

    /** An author, a reader who follows them, and the author's post the reader comments on. */
    record Conversation(ApiClient api, LoggedIn author, LoggedIn reader, long postId) {

        static Conversation start(ApiClient api, String authorName, String readerName, String postText) {
            LoggedIn author = TestUsers.create(api, authorName);
            LoggedIn reader = TestUsers.create(api, readerName);
            TestUsers.follow(api, reader, author);
            FollowNotifications.readAll(NOTIFIER_PORT, author);
            return new Conversation(api, author, reader, TestUsers.post(api, author, postText));
        }

        long comment(String text) {
            return TestUsers.comment(api, reader, postId, text);
        }
    }

    @ParameterizedTest
    @EnumSource(Screen.class)
    void aDeletedCommentsNotificationLeavesTheBellLive(Screen screen) {
        ApiClient api = new ApiClient(port);
        Conversation talk = Conversation.start(api, "ada", "bob", "Say something, Bob");

        browser = Browser.lease("http://localhost:" + port, screen);
        browser.logInLive(talk.author());
        browser.markPage();
        long comment = talk.comment("Second thoughts, coming up");
        browser.waitForText("#notification-count", "1");
        browser.waitFor(d -> bellList().contains("commented: Second thoughts"));

        assertThat(api.send("DELETE", "/api/posts/" + talk.postId() + "/comments/" + comment, null, null,
                talk.reader().auth()).status()).isEqualTo(204);

        browser.waitFor(d -> "0".equals(browser.find("#notification-bell").getDomAttribute("data-unread")));
        browser.waitFor(d -> !bellList().contains("Second thoughts"));
        assertThat(browser.driver().findElement(By.id("notification-count")).isDisplayed()).isFalse();
        assertThat(browser.isSamePage()).isTrue();
        // Opened, the bell shows what stays (the follow, read before the story began), not the comment.
        browser.click("#notification-bell");
        browser.waitForText("#notification-list .notification-item", "followed you");
        assertThat(browser.all("#notification-list .notification-item")).extracting(item -> item.getText())
                .noneMatch(text -> text.contains("Second thoughts"));
    }

    /** The text of the bell's list, shown or not. */
    private String bellList() {
        return (String) browser.script("return document.getElementById('notification-list').textContent;");
    }

    @Test
    void aFollowFromAnotherBrowserRaisesTheBellAndLeadsToTheFollowersProfile() {
        ApiClient api = new ApiClient(port);
        LoggedIn followed = TestUsers.create(api, "followed");
        LoggedIn fan = TestUsers.create(api, "fan");

        browser = Browser.lease("http://localhost:" + port);
        browser.logInAs(followed);
        awaitMode("live");
        browser.markPage();
        assertThat(browser.find("#notification-bell").getDomAttribute("data-unread")).isEqualTo("0");

        try (Browser other = Browser.lease("http://localhost:" + port)) {
            other.logInAs(fan);
            other.open("/users/" + followed.username());
            other.click("#follow-button");
            other.waitForText("#follow-button", "Unfollow");
        }

        browser.waitForText("#notification-count", "1");
        assertThat(browser.isSamePage()).isTrue();
        browser.click("#notification-bell");
        browser.waitForText("#notification-list .notification-item", "followed you");
        browser.click("#notification-list .notification-item a");
        browser.waitForPath("/users/" + fan.username());
    }

    @ParameterizedTest
    @EnumSource(Screen.class)
    void aFollowedPersonsPostRaisesTheFeedsNewPostsBarWithoutMovingWhatIsRead(Screen screen) {
        ApiClient api = new ApiClient(port);
        LoggedIn me = TestUsers.create(api, "feedreader");
        LoggedIn friend = TestUsers.create(api, "friend");
        LoggedIn stranger = TestUsers.create(api, "stranger");
        TestUsers.follow(api, me, friend);
        for (int i = 1; i <= 6; i++) {
            TestUsers.post(api, friend, "Earlier post number " + i + ", long enough to fill a card of the feed.");
        }

        try (Browser reader = Browser.lease("http://localhost:" + port, screen, true);
                Browser writer = Browser.lease("http://localhost:" + port, screen)) {
            readAlong(reader, writer, api, me, friend, stranger, screen);
        }
    }

    /** The reader's feed, open and scrolled, while the friend posts from their own page. */
    private static void readAlong(Browser reader, Browser writer, ApiClient api, LoggedIn me, LoggedIn friend,
            LoggedIn stranger, Screen screen) {
        reader.logInLive(me);
        reader.markPage();
        reader.script("window.scrollTo({top: 300, behavior: 'instant'});");
        reader.waitFor(d -> ((Number) reader.script("return window.scrollY;")).intValue() == 300);
        double readingAt = cardTop(reader, 3);

        TestUsers.post(api, stranger, "A stranger's post, not for this feed");
        writer.logInAs(friend);
        writer.type("#compose-content", "Fresh from the page: hello, followers!");
        writer.click("#compose-submit");
        writer.waitForText("#feed-items .post", "Fresh from the page");

        reader.waitForLiveText("#new-posts-button", "1 new post");
        assertThat(reader.isSamePage()).isTrue();
        assertThat(cardTop(reader, 3)).as("the post being read did not move").isEqualTo(readingAt);
        reader.assertInsideViewport("#new-posts-button");
        reader.screenshot(Path.of("target", "screenshots", "new-posts-" + screen.label() + ".png"));
        Results axe = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"))
                .analyze(reader.driver());
        assertThat(axe.getViolations()).as("axe, with the bar shown")
                .filteredOn(rule -> Set.of("serious", "critical").contains(rule.getImpact()))
                .extracting(Rule::getId).isEmpty();
        assertThat(reader.consoleErrors()).as("console with the bar shown").isEmpty();

        failToLoadTheNewPosts(reader);
        assertThat(reader.consoleErrors()).as("the failed loads, reported").isNotEmpty();

        reader.click("#new-posts-button");
        reader.waitForText("#feed-items .post:first-of-type .post-content", "Fresh from the page: hello, followers!");
        reader.waitFor(d -> reader.all("#new-posts-button.d-none").size() == 1);
        assertThat(reader.find("#feed-items").getText()).doesNotContain("A stranger's post");
        assertThat(reader.isSamePage()).isTrue();
        assertThat(reader.consoleErrors()).isEmpty();
    }

    /**
     * A dropped network, then a server error, when the bar is clicked: each is said like any other
     * control's failure, at the foot of the screen; the bar stays, counting what waits, and the feed
     * is as it was. (The caller's next click, with the failures gone, loads the waiting post.)
     */
    private static void failToLoadTheNewPosts(Browser reader) {
        int cards = reader.all("#feed-items .post").size();
        reader.network(true, 0);
        try {
            reader.click("#new-posts-button");
            reader.waitForText("#request-messages .request-problem", "Couldn’t load the new posts — try again");
            assertStillWaiting(reader, cards);
        } finally {
            reader.network(false, 0);
        }
        reader.click("#request-messages .btn-close");
        reader.waitFor(d -> reader.all("#request-messages .request-problem").isEmpty());

        Route failing = Route.matching(request -> request.getMethod() == HttpMethod.GET
                && request.getUri().contains("/feed/latest"))
                .to(() -> request -> new HttpResponse().setStatus(500)
                        .setHeader("Content-Type", "application/problem+json")
                        .setContent(Contents.utf8String("{\"status\":500,\"detail\":\"Something went wrong on our side.\"}")));
        try (NetworkInterceptor serverDown = new NetworkInterceptor(reader.driver(), failing)) {
            reader.click("#new-posts-button");
            reader.waitForText("#request-messages .request-problem", "Couldn’t load the new posts — try again");
        }
        assertThat(reader.find("#request-messages .request-problem").getDomAttribute("role")).isEqualTo("alert");
        reader.assertInsideViewport("#request-messages .request-problem");
        assertStillWaiting(reader, cards);
        reader.click("#request-messages .btn-close");
        // The bell's socket, if the dropped network closed it, is back (and with it the bar's subscription).
        reader.awaitLive();
    }

    private static void assertStillWaiting(Browser reader, int cards) {
        reader.waitFor(d -> reader.find("#new-posts-button").isEnabled());
        assertThat(reader.find("#new-posts-button").getText()).isEqualTo("1 new post");
        assertThat(reader.all("#feed-items .post")).hasSize(cards);
        assertThat(reader.find("#feed-items").getText()).doesNotContain("Fresh from the page");
        assertThat(reader.isSamePage()).isTrue();
    }

    private static double cardTop(Browser browser, int index) {
        return ((Number) browser.script("return document.querySelectorAll('#feed-items .post')[arguments[0]]"
                + ".getBoundingClientRect().top;", index)).doubleValue();
    }

    private void awaitMode(String mode) {
        browser.waitFor(d -> mode.equals(browser.find("body").getDomAttribute("data-notifications")));
    }
}
