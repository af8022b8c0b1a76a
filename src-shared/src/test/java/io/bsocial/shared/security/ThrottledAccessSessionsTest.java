package io.bsocial.shared.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.session.MapSession;

import io.bsocial.shared.security.ThrottledAccessSessions.ThrottledSession;

class ThrottledAccessSessionsTest {

    private static final Instant STORED = Instant.parse("2026-11-30T10:00:00Z");

    @Test
    void anAccessWithinTheIntervalKeepsTheStoredTime() {
        ThrottledSession<MapSession> session = session();

        session.setLastAccessedTime(STORED.plusSeconds(59));

        assertThat(session.getLastAccessedTime()).isEqualTo(STORED);
    }

    @Test
    void anAccessAnIntervalLaterMovesIt() {
        ThrottledSession<MapSession> session = session();

        session.setLastAccessedTime(STORED.plusSeconds(60));

        assertThat(session.getLastAccessedTime()).isEqualTo(STORED.plusSeconds(60));
    }

    @Test
    void everythingElseIsWrittenThrough() {
        ThrottledSession<MapSession> session = session();

        session.setAttribute("name", "value");
        String newId = session.changeSessionId();

        assertThat(session.<String>getAttribute("name")).isEqualTo("value");
        assertThat(session.getId()).isEqualTo(newId);
    }

    private static ThrottledSession<MapSession> session() {
        MapSession stored = new MapSession();
        stored.setLastAccessedTime(STORED);
        return new ThrottledSession<>(stored, Duration.ofMinutes(1));
    }
}
