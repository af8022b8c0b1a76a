package io.bsocial.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.bsocial.web.WebIntegrationTest;
import io.bsocial.web.support.ApiClient;
import io.bsocial.web.support.TestUsers;
import io.bsocial.web.support.TestUsers.LoggedIn;

/**
 * A read must not cost a write: requests of one session do not write its session row, except to
 * renew an access time older than the interval (one minute).
 */
@WebIntegrationTest
class SessionRowWritesTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    ApiClient api;
    LoggedIn reader;

    @BeforeEach
    void logIn() {
        api = new ApiClient(port);
        reader = TestUsers.create(api, "reader");
    }

    @Test
    void concurrentReadsOfOneSessionGoThroughWhileItsRowsAreLocked() throws Exception {
        // Another transaction holds the session's rows. Reads that wrote them would wait for it
        // (PostgreSQL) or fail on H2's lock timeout; reads that only read go through.
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            lockSessionRows(holder);
            ExecutorService readers = Executors.newFixedThreadPool(8);
            try {
                List<Future<Integer>> answers = new ArrayList<>();
                for (int i = 0; i < 32; i++) {
                    String path = i % 2 == 0 ? "/api/me" : "/api/feed";
                    answers.add(readers.submit(() -> api.get(path, "X-Auth-Token", reader.token()).status()));
                }
                for (Future<Integer> answer : answers) {
                    assertThat(answer.get(60, TimeUnit.SECONDS)).isEqualTo(200);
                }
            }
            finally {
                readers.shutdownNow();
                holder.rollback();
            }
        }
    }

    @Test
    void aFreshAccessTimeIsNotRewritten() {
        long stored = lastAccessTime();
        waitUntilTheClockPasses(stored);

        assertThat(api.get("/api/me", "X-Auth-Token", reader.token()).status()).isEqualTo(200);

        assertThat(lastAccessTime()).isEqualTo(stored);
    }

    @Test
    void anAccessTimeOlderThanTheIntervalIsRenewed() {
        long twoMinutesAgo = Instant.now().minus(Duration.ofMinutes(2)).toEpochMilli();
        jdbc.sql("UPDATE spring_session SET last_access_time = ? WHERE session_id = ?")
                .params(twoMinutesAgo, reader.token()).update();
        long before = System.currentTimeMillis();

        assertThat(api.get("/api/me", "X-Auth-Token", reader.token()).status()).isEqualTo(200);

        assertThat(lastAccessTime()).isGreaterThanOrEqualTo(before);
        assertThat(jdbc.sql("SELECT expiry_time FROM spring_session WHERE session_id = ?").param(reader.token())
                .query(Long.class).single()).isGreaterThan(before + Duration.ofDays(6).toMillis());
    }

    private void lockSessionRows(Connection holder) throws Exception {
        try (PreparedStatement session = holder.prepareStatement(
                "SELECT primary_id FROM spring_session WHERE session_id = ? FOR UPDATE")) {
            session.setString(1, reader.token());
            try (ResultSet row = session.executeQuery()) {
                assertThat(row.next()).isTrue();
                String primaryId = row.getString(1);
                try (PreparedStatement attributes = holder.prepareStatement(
                        "SELECT attribute_name FROM spring_session_attributes WHERE session_primary_id = ? FOR UPDATE")) {
                    attributes.setString(1, primaryId);
                    try (ResultSet attributeRows = attributes.executeQuery()) {
                        assertThat(attributeRows.next()).as("the session has attributes").isTrue();
                    }
                }
            }
        }
    }

    private long lastAccessTime() {
        return jdbc.sql("SELECT last_access_time FROM spring_session WHERE session_id = ?").param(reader.token())
                .query(Long.class).single();
    }

    private static void waitUntilTheClockPasses(long millis) {
        while (System.currentTimeMillis() <= millis + 5) {
            Thread.onSpinWait();
        }
    }
}
