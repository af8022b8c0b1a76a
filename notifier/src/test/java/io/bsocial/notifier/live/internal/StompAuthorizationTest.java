package io.bsocial.notifier.live.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.function.Predicate;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.session.SessionRepository;

import io.bsocial.notifier.NotifierTest;
import io.bsocial.notifier.support.Events;
import io.bsocial.notifier.support.RawStomp;
import io.bsocial.notifier.support.RawStomp.Frame;
import io.bsocial.notifier.support.StompTabs;
import io.bsocial.notifier.support.TestSessions;
import io.bsocial.notifier.support.TestSessions.LoggedIn;
import io.bsocial.shared.events.CommentCreated;

/**
 * What a logged-in client may do on the STOMP channel: connect (with the page's CSRF token when its
 * cookie authenticated the handshake), subscribe to its own {@code /user/queue/...} destinations,
 * unsubscribe, send heartbeats and disconnect. Anything else earns an ERROR frame, and neither a
 * wildcard subscription nor a forged SEND lets one user read or write another user's notifications.
 * The attacks are written as raw frames, as a script would send them.
 */
@NotifierTest
class StompAuthorizationTest {

    private static final String ORIGIN = StompTabs.ORIGIN;

    private static final String NOTIFICATIONS = "/user/queue/notifications";

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    SessionRepository<?> sessions;

    @Autowired
    ReadySubscribers subscribers;

    @Autowired
    SimpUserRegistry connected;

    StompTabs tabs;
    LoggedIn victim;
    LoggedIn attacker;
    LoggedIn commenter;
    RawStomp victimSocket;
    RawStomp attackerSocket;

    @BeforeEach
    void people() {
        tabs = new StompTabs(port, connected);
        victim = TestSessions.login(sessions, Events.nextId(), "victim" + Events.nextId());
        attacker = TestSessions.login(sessions, Events.nextId(), "mallory" + Events.nextId());
        commenter = TestSessions.login(sessions, Events.nextId(), "chatty" + Events.nextId());
    }

    @AfterEach
    void closeSockets() {
        tabs.close();
        for (RawStomp socket : new RawStomp[] {victimSocket, attackerSocket}) {
            if (socket != null) {
                socket.close();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/queue/**", "/queue/*", "/queue/notifications", "/queue/notifications*", "/topic/**",
            "/user/{victim}/queue/notifications", "/user/{victim}/queue/feed", "/user/queue/notifications/**",
            "/user/queue/notifications;x"})
    void subscribingToAnythingButOnesOwnQueuesIsRefusedAndHearsNothing(String destination) {
        victimSocket = tabs.openRaw(victim, NOTIFICATIONS);
        attackerSocket = tabs.openRaw(attacker);

        attackerSocket.subscribe("sub-0", destination.replace("{victim}", victim.username()));
        CommentCreated real = notifyVictim("meant for the victim only");

        victimSocket.await("MESSAGE", carries(real));
        assertThat(attackerSocket.frames("MESSAGE")).as("what the attacker received").isEmpty();
        assertRefused(attackerSocket, RefusedFrames.DENIED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/user/{victim}/queue/notifications", "/queue/notifications", "/app/anything",
            "/user/queue/notifications"})
    void aSendFromAClientIsRefusedAndNeverReachesTheVictim(String destination) {
        victimSocket = tabs.openRaw(victim, NOTIFICATIONS);
        attackerSocket = tabs.openRaw(attacker);

        attackerSocket.send("SEND", "{\"id\":1,\"type\":\"comment\",\"postId\":1,\"excerpt\":\"phish: log in at evil.example\","
                        + "\"actor\":{\"id\":1,\"username\":\"admin\"}}",
                "destination", destination.replace("{victim}", victim.username()),
                "content-type", "application/json");
        CommentCreated real = notifyVictim("the real one");

        victimSocket.await("MESSAGE", carries(real));
        assertThat(victimSocket.frames("MESSAGE")).as("what the victim received")
                .noneMatch(frame -> frame.body().contains("phish"));
        assertRefused(attackerSocket, RefusedFrames.DENIED);
    }

    @Test
    void aCookieAuthenticatedConnectWithoutTheCsrfTokenIsRefused() {
        attackerSocket = RawStomp.open(port, "Cookie", victim.cookie(), "Origin", ORIGIN).connect();

        assertRefused(attackerSocket, RefusedFrames.CSRF);
        assertThat(attackerSocket.frames("CONNECTED")).isEmpty();
    }

    @Test
    void theStompSpellingOfConnectNeedsTheCsrfTokenToo() {
        attackerSocket = RawStomp.open(port, "Cookie", victim.cookie(), "Origin", ORIGIN)
                .send("STOMP", "", "accept-version", "1.2", "host", "localhost");

        assertRefused(attackerSocket, RefusedFrames.CSRF);
        assertThat(attackerSocket.frames("CONNECTED")).isEmpty();
    }

    @Test
    void aCookieAuthenticatedConnectWithAWrongCsrfTokenIsRefused() {
        // The attacker's own valid token is still wrong for the victim's session.
        for (String wrong : new String[] {attacker.maskedCsrfToken(), victim.csrf().getToken(), "not-a-token"}) {
            RawStomp socket = RawStomp.open(port, "Cookie", victim.cookie(), "Origin", ORIGIN)
                    .connect(victim.csrfHeader(), wrong);
            try {
                assertRefused(socket, RefusedFrames.CSRF);
                assertThat(socket.frames("CONNECTED")).as("connected with %s", wrong).isEmpty();
            } finally {
                socket.close();
            }
        }
    }

    @Test
    void theRightfulSubscriberWithThePagesTokenReceivesItsNotificationLive() {
        victimSocket = tabs.openRaw(victim, NOTIFICATIONS);

        CommentCreated real = notifyVictim("hello victim");

        assertThat(victimSocket.await("MESSAGE", carries(real)).headers())
                .containsEntry("destination", "/user/queue/notifications");
        assertThat(victimSocket.frames("ERROR")).isEmpty();
    }

    @Test
    void theAllowedFramesPass() {
        victimSocket = tabs.openRaw(victim);

        victimSocket.subscribe("sub-0", NOTIFICATIONS);
        tabs.awaitSubscribed(victim, NOTIFICATIONS);
        victimSocket.subscribe("sub-1", "/user/queue/feed")
                .sendRaw("\n")
                .send("UNSUBSCRIBE", "", "id", "sub-1")
                .send("UNSUBSCRIBE", "", "id", "sub-0")
                .send("DISCONNECT", "", "receipt", "bye");

        // Refusals are answered when the frame is read, so none came before the receipt.
        victimSocket.await("RECEIPT", frame -> "bye".equals(frame.headers().get("receipt-id")));
        assertThat(victimSocket.frames("ERROR")).isEmpty();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> subscribers.sessions(victim.username(), WebSocketConfig.NOTIFICATIONS).isEmpty());
    }

    @Test
    void aClientAuthenticatedByTheTokenHeaderConnectsWithoutCsrfTokenButIsHeldToTheSameRules() {
        // A browser cannot set X-Auth-Token on a WebSocket handshake: no ambient credential, no CSRF.
        victimSocket = RawStomp.open(port, "X-Auth-Token", victim.sessionId()).connect();
        victimSocket.await("CONNECTED");
        victimSocket.subscribe("sub-0", NOTIFICATIONS);
        tabs.awaitSubscribed(victim, NOTIFICATIONS);

        CommentCreated real = notifyVictim("for a script");
        victimSocket.await("MESSAGE", carries(real));

        victimSocket.subscribe("sub-1", "/queue/**");
        assertRefused(victimSocket, RefusedFrames.DENIED);
    }

    @Test
    void theTokenExemptionNeedsTheTokenToAuthenticateTheHandshake() {
        // The header names the session alone: a cookie next to a bogus token does not log in.
        assertThatThrownBy(() -> RawStomp.open(port, "Cookie", victim.cookie(), "X-Auth-Token", "no-such-session",
                "Origin", ORIGIN)).hasStackTraceContaining("401");
    }

    private CommentCreated notifyVictim(String text) {
        CommentCreated comment = Events.comment(commenter.id(), commenter.username(), Events.nextId(), victim.id(),
                victim.username(), text);
        Events.publish(kafka, comment);
        return comment;
    }

    private static Predicate<Frame> carries(CommentCreated comment) {
        return frame -> frame.body().contains("\"commentId\":" + comment.commentId() + ",")
                || frame.body().contains("\"commentId\":" + comment.commentId() + "}");
    }

    /** An ERROR frame that says why and names no internals, then the server closes the socket (STOMP 1.2). */
    private static void assertRefused(RawStomp socket, String why) {
        Frame error = socket.await("ERROR");
        assertThat(error.headers().get("message")).isEqualTo(why);
        socket.awaitClosedByServer();
    }
}
