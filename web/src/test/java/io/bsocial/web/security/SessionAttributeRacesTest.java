package io.bsocial.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
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
 * Requests of one session that add the same attribute at the same moment (32 page loads that each
 * make the session's first CSRF token) all succeed: both insert the attribute's row, and the
 * second insert used to fail on the primary key (a 500 from Spring Session JDBC).
 */
@WebIntegrationTest
class SessionAttributeRacesTest {

    private static final int REQUESTS = 32;
    private static final String CSRF_TOKEN = "org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository.CSRF_TOKEN";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient http;
    LoggedIn reader;
    ExecutorService threads = Executors.newFixedThreadPool(REQUESTS);

    @BeforeEach
    void logIn() {
        http = new ApiClient(port);
        reader = TestUsers.create(http, "racer");
    }

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void concurrentRequestsThatAddTheSameSessionAttributeAllSucceed() throws Exception {
        for (int round = 0; round < 5; round++) {
            // The session holds no CSRF token: every page load makes one and adds it to the session.
            forgetAttribute(CSRF_TOKEN);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ApiClient.Response>> answers = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                String[] headers = i % 2 == 0
                        ? new String[] {"X-Auth-Token", reader.token()}
                        : new String[] {"X-Auth-Token", reader.token(), "HX-Request", "true"};
                answers.add(threads.submit(() -> {
                    start.await();
                    return http.get("/", headers);
                }));
            }
            start.countDown();
            for (Future<ApiClient.Response> answer : answers) {
                ApiClient.Response response = answer.get(60, TimeUnit.SECONDS);
                assertThat(response.status()).as("round %d", round).isEqualTo(200);
            }
            assertThat(attributeCount(CSRF_TOKEN)).as("one row for the attribute").isEqualTo(1);
        }
        assertThat(http.get("/api/me", reader.auth()).status()).isEqualTo(200);
    }

    private void forgetAttribute(String name) {
        jdbc.sql("""
                DELETE FROM spring_session_attributes WHERE attribute_name = ? AND session_primary_id =
                  (SELECT primary_id FROM spring_session WHERE session_id = ?)""")
                .params(name, reader.token()).update();
    }

    private long attributeCount(String name) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM spring_session_attributes WHERE attribute_name = ? AND session_primary_id =
                  (SELECT primary_id FROM spring_session WHERE session_id = ?)""")
                .params(name, reader.token()).query(Long.class).single();
    }
}
