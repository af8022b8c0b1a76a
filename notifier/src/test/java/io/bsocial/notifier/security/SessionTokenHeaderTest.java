package io.bsocial.notifier.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.session.SessionRepository;

import io.bsocial.notifier.NotifierTest;
import io.bsocial.notifier.support.Events;
import io.bsocial.notifier.support.RawHandshake;
import io.bsocial.notifier.support.RawHandshake.Answer;
import io.bsocial.notifier.support.TestSessions;
import io.bsocial.notifier.support.TestSessions.LoggedIn;

/** The notifier never answers a session id in an {@code X-Auth-Token} header (only web's login does). */
@NotifierTest
class SessionTokenHeaderTest {

    @LocalServerPort
    int port;

    @Autowired
    SessionRepository<?> sessions;

    @Test
    void noAnswerCarriesTheSessionIdInAHeader() {
        LoggedIn reader = TestSessions.login(sessions, Events.nextId(), "hdr" + Events.nextId());
        // A POST without a CSRF token makes one, which starts a session for an anonymous caller.
        Answer anonymous = RawHandshake.request(port, "POST", "/api/notifications/read-all", "Content-Length", "0");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("X-Auth-Token")).isNull();
        for (Answer answer : new Answer[] {
                RawHandshake.get(port, "/api/notifications/recent", "Cookie", reader.cookie()),
                RawHandshake.get(port, "/api/notifications", "X-Auth-Token", reader.sessionId()),
                RawHandshake.request(port, "POST", "/api/notifications/read-all", "Cookie", reader.cookie(), "Content-Length", "0"),
                RawHandshake.upgrade(port, "Cookie", reader.cookie(), "Origin", "http://localhost:8080")}) {
            assertThat(answer.status()).isLessThan(500);
            assertThat(answer.header("X-Auth-Token")).isNull();
        }
    }
}
