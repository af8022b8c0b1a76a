package io.bsocial.notifier.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.session.SessionRepository;

import io.bsocial.notifier.NotifierTest;
import io.bsocial.notifier.support.Events;
import io.bsocial.notifier.support.RawHandshake;
import io.bsocial.notifier.support.RawHandshake.Answer;
import io.bsocial.notifier.support.TestSessions;
import io.bsocial.notifier.support.TestSessions.LoggedIn;
import io.bsocial.shared.events.CommentCreated;
import io.bsocial.shared.events.EventJson;

/**
 * An {@code Origin} that is not one of the allowed origins — a foreign site, or a value that is no
 * origin at all — is refused with a 403 problem document, on the WebSocket handshake and on the
 * HTTP API alike, and a malformed one leaves no stack trace in the log (it used to answer 500
 * and log a whole trace per request). A request with the session cookie that a browser made for
 * another site's page (a link, an image: {@code Sec-Fetch-Site}) is refused unless its
 * {@code Origin} is allowed, so it cannot mark the victim's notifications delivered.
 */
@NotifierTest
@ExtendWith(OutputCaptureExtension.class)
class OriginRefusalsTest {

    private static final String ALLOWED = "http://localhost:8080";

    /** Values a client can send that are no origin a browser would: unparseable, or opaque. */
    private static final List<String> MALFORMED = List.of("http://[::1", "%%", "null", "http://localhost:8080/%zz",
            "http://local host:8080", "://", "http://localhost:99999999999");

    @LocalServerPort
    int port;

    @Autowired
    SessionRepository<?> sessions;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    JdbcClient jdbc;

    LoggedIn reader;

    @BeforeEach
    void logIn() {
        reader = TestSessions.login(sessions, Events.nextId(), "origins" + Events.nextId());
    }

    @Test
    void aLinkOrImageOnAnotherSiteCannotMarkTheNotificationsDelivered() {
        CommentCreated comment = Events.comment(Events.nextId(), "someone" + Events.nextId(), Events.nextId(),
                reader.id(), reader.username(), "are you there?");
        Events.publish(kafka, comment);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc
                .sql("SELECT COUNT(*) FROM notifications WHERE comment_id = ?").param(comment.commentId())
                .query(Long.class).single() == 1);

        // A link or an <img> on another site: no Origin, the cookie, Sec-Fetch-Site says where from.
        assertRefused(undelivered("Cookie", reader.cookie(), "Sec-Fetch-Site", "cross-site"), "cross-site");
        // A page of a neighbour on the same site (another port, another subdomain) is no page of web's.
        assertRefused(undelivered("Cookie", reader.cookie(), "Sec-Fetch-Site", "same-site"), "same-site, no Origin");
        assertRefused(undelivered("Cookie", reader.cookie(), "Sec-Fetch-Site", "same-site",
                "Origin", "http://localhost:8099"), "same-site, another origin");
        assertRefused(undelivered("Cookie", reader.cookie(), "Sec-Fetch-Site", "cross-site",
                "Origin", "http://evil.example.com"), "cross-site, another origin");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notifications WHERE comment_id = ? AND delivered_at IS NULL")
                .param(comment.commentId()).query(Long.class).single()).as("still undelivered").isEqualTo(1);

        // Web's own page (an allowed origin, same-site) gets it.
        Answer fromWeb = undelivered("Cookie", reader.cookie(), "Sec-Fetch-Site", "same-site", "Origin", ALLOWED);
        assertThat(fromWeb.status()).isEqualTo(200);
        assertThat(fromWeb.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED);
        assertThat(EventJson.tree(fromWeb.body()).get("items")).extracting(n -> n.get("commentId").asLong())
                .containsExactly(comment.commentId());
    }

    @Test
    void callsByTokenAndTheOwnersOwnVisitsStillWork() {
        // X-Auth-Token: no page of another site can make a browser send it.
        assertThat(undelivered("X-Auth-Token", reader.sessionId(), "Sec-Fetch-Site", "cross-site").status()).isEqualTo(200);
        assertThat(undelivered("X-Auth-Token", reader.sessionId()).status()).isEqualTo(200);
        // The address typed into the browser, and a client that says nothing about where it is.
        assertThat(undelivered("Cookie", reader.cookie(), "Sec-Fetch-Site", "none").status()).isEqualTo(200);
        assertThat(undelivered("Cookie", reader.cookie()).status()).isEqualTo(200);
    }

    private Answer undelivered(String... headers) {
        return RawHandshake.get(port, "/api/notifications", headers);
    }

    @Test
    void aMalformedOriginOnTheHandshakeIsA403ProblemAndLogsNoStackTrace(CapturedOutput log) {
        int logged = log.getAll().length();
        for (String origin : MALFORMED) {
            assertRefused(RawHandshake.upgrade(port, "Cookie", reader.cookie(), "Origin", origin), origin);
            assertRefused(RawHandshake.upgrade(port, "X-Auth-Token", reader.sessionId(), "Origin", origin), origin);
            assertRefused(RawHandshake.get(port, "/api/notifications/recent", "Cookie", reader.cookie(), "Origin", origin),
                    origin);
        }
        assertNoStackTraceSince(log, logged);
    }

    @Test
    void twoOriginHeadersAreRefusedEvenWhenOneIsAllowed(CapturedOutput log) {
        int logged = log.getAll().length();
        assertRefused(RawHandshake.upgrade(port, "Cookie", reader.cookie(), "Origin", ALLOWED,
                "Origin", "http://evil.example.com"), "two origins");
        assertRefused(RawHandshake.upgrade(port, "Cookie", reader.cookie(), "Origin", "http://evil.example.com",
                "Origin", ALLOWED), "two origins");
        assertRefused(RawHandshake.get(port, "/api/notifications/recent", "Cookie", reader.cookie(),
                "Origin", ALLOWED, "Origin", ALLOWED), "two origins");
        assertNoStackTraceSince(log, logged);
    }

    @Test
    void aForeignOriginIsRefusedWithAProblemDocument() {
        String evil = "http://evil.example.com";
        assertRefused(RawHandshake.upgrade(port, "Cookie", reader.cookie(), "Origin", evil), evil);
        assertRefused(RawHandshake.get(port, "/api/notifications/recent", "Cookie", reader.cookie(), "Origin", evil), evil);
        assertRefused(RawHandshake.request(port, "OPTIONS", "/api/notifications/read-all", "Origin", evil,
                "Access-Control-Request-Method", "POST"), "preflight from " + evil);
    }

    @Test
    void theAllowedOriginStillOpensTheSocketAndCallsTheApi() {
        assertThat(RawHandshake.upgrade(port, "Cookie", reader.cookie(), "Origin", ALLOWED).status()).isEqualTo(101);
        Answer recent = RawHandshake.get(port, "/api/notifications/recent", "Cookie", reader.cookie(), "Origin", ALLOWED);
        assertThat(recent.status()).isEqualTo(200);
        assertThat(recent.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED);
        Answer preflight = RawHandshake.request(port, "OPTIONS", "/api/notifications/read-all", "Origin", ALLOWED,
                "Access-Control-Request-Method", "POST");
        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED);
    }

    private static void assertRefused(Answer answer, String what) {
        assertThat(answer.status()).as(what + ": " + answer.body()).isEqualTo(403);
        assertThat(answer.header("Content-Type")).as(what).startsWith("application/problem+json");
        assertThat(answer.body()).as(what).contains("\"status\":403").doesNotContain("Exception", "\tat ");
    }

    private static void assertNoStackTraceSince(CapturedOutput log, int from) {
        String since = log.getAll().substring(from);
        assertThat(since).doesNotContain("\tat ").doesNotContain(" ERROR ");
    }
}
