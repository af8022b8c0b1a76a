package io.bsocial.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.bsocial.web.WebAppTest;
import io.bsocial.web.support.ApiClient;
import io.bsocial.web.support.EndToEnd;
import io.bsocial.web.support.FollowNotifications;
import io.bsocial.web.support.ServiceProcess;
import io.bsocial.shared.testing.TcpForwarder;
import io.bsocial.web.support.TestUsers;
import io.bsocial.web.support.TestUsers.LoggedIn;

/**
 * web and the notifier (its own process, same database and Kafka) in a real browser: the bell of
 * a post's author lights up, without a reload, when someone comments on the post; also when the
 * network dropped for a while, and over HTTP polling when WebSockets cannot connect at all. The
 * browser reaches the notifier through a TCP relay that a test can cut, like a network drop, or
 * turn into a proxy that refuses WebSocket handshakes.
 */
@WebAppTest
class NotificationsBrowserIT {

    static final int NOTIFIER_PORT = TcpForwarder.freePort();
    static final int BROWSER_NOTIFIER_PORT = TcpForwarder.freePort();
    static final TcpForwarder network = new TcpForwarder(BROWSER_NOTIFIER_PORT, "localhost:" + NOTIFIER_PORT);
    static final String DATABASE = EndToEnd.DATABASE;
    static ServiceProcess notifier;

    @LocalServerPort
    int port;

    Browser browser;

    @DynamicPropertySource
    static void sharedDatabaseAndNotifier(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> DATABASE);
        registry.add("bsocial.notifier.port", () -> BROWSER_NOTIFIER_PORT);
        registry.add("bsocial.notifier.poll-interval", () -> "1s");
    }

    @BeforeEach
    void startNotifierAndBrowser() throws Exception {
        if (notifier == null) {
            // After web started: its migrations ran, the notifier finds the session tables.
            notifier = ServiceProcess.start("notifier", "bsocial.notifier.jar", NOTIFIER_PORT, List.of(
                    "--spring.datasource.url=" + DATABASE,
                    "--spring.kafka.bootstrap-servers=" + System.getProperty("spring.embedded.kafka.brokers"),
                    "--bsocial.notifier.allowed-origins=http://localhost:*"));
        }
        network.refuseWebSockets(false);
        network.open();
        browser = new Browser("http://localhost:" + port);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @AfterAll
    static void stopNotifier() {
        network.close();
        if (notifier != null) {
            notifier.close();
        }
    }

    @Test
    void theBellLightsUpLiveWhenSomeoneCommentsAndLeadsToThePost() {
        Conversation talk = Conversation.start(new ApiClient(port), "belle", "reader", "Ring my bell");

        browser.logIn(talk.author().username(), TestUsers.PASSWORD);
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

        browser.logIn(talk.author().username(), TestUsers.PASSWORD);
        awaitMode("live");
        browser.markPage();

        network.close();
        awaitMode("polling");
        talk.comment("Knock knock");

        network.open();
        awaitMode("live");
        browser.waitForText("#notification-count", "1");
        assertThat(browser.isSamePage()).isTrue();
        browser.click("#notification-bell");
        browser.waitForText("#notification-list .notification-item", "commented: Knock knock");
    }

    @Test
    void whenWebSocketsCannotConnectTheBellPollsOverHttp() {
        Conversation talk = Conversation.start(new ApiClient(port), "proxied", "patient", "Behind a strict proxy");

        network.refuseWebSockets(true);
        browser.logIn(talk.author().username(), TestUsers.PASSWORD);
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

        void comment(String text) {
            api.post("/api/posts/" + postId + "/comments", ApiClient.json(Map.of("content", text)), reader.auth());
        }
    }

    private void awaitMode(String mode) {
        browser.waitFor(d -> mode.equals(browser.find("body").getDomAttribute("data-notifications")));
    }
}
