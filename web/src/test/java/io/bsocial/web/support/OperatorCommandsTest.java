package io.bsocial.web.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.bsocial.shared.sql.SqlTime;
import io.bsocial.web.WebIntegrationTest;

/**
 * Operator commands run once at a time, whichever instance asks (the lease is a database row): of
 * eight asking at once one runs; the outbox's retry answers 409 while another runs; a lease whose
 * holder stopped renewing it is taken over. On H2 and PostgreSQL.
 */
@WebIntegrationTest
class OperatorCommandsTest {

    @LocalServerPort
    int port;

    @Autowired
    OperatorCommands commands;

    @Autowired
    JdbcClient jdbc;

    ExecutorService threads = Executors.newFixedThreadPool(9);
    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void ofEightAskingAtOnceOneRunsAndTheOthersAreTurnedAway() throws Exception {
        String command = "test-" + System.nanoTime();
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        List<Future<Optional<String>>> asked = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            asked.add(threads.submit(() -> {
                start.await();
                return commands.runAlone(command, lease -> {
                    running.incrementAndGet();
                    awaitQuietly(release);
                    return "ran";
                });
            }));
        }
        start.countDown();
        // The seven turned away answer at once; the one that runs waits for the release.
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> asked.stream().filter(Future::isDone).count() >= 7);
        assertThat(asked.stream().filter(Future::isDone).map(OperatorCommandsTest::getQuietly))
                .hasSize(7).allSatisfy(answer -> assertThat(answer).isEmpty());
        assertThat(running.get()).isEqualTo(1);
        assertThat(commands.runningSince(command)).isPresent();

        release.countDown();
        assertThat(asked.stream().filter(answer -> getQuietly(answer).isPresent()).count()).isEqualTo(1);
        assertThat(commands.runningSince(command)).isEmpty();
        assertThat(commands.runAlone(command, lease -> "again")).contains("again");
    }

    @Test
    void theOutboxRetryAnswers409WhileAnotherRuns() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<Optional<String>> other = threads.submit(() -> commands.runAlone("outbox-retry", lease -> {
            held.countDown();
            awaitQuietly(release);
            return "done";
        }));
        assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();

        ApiClient.Response refused = api.send("POST", "/actuator/outbox/all", null, null);
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asString()).contains("running already");
        assertThat(api.send("POST", "/actuator/outbox/0", null, null).status()).as("a bad id is still a 400").isEqualTo(400);

        release.countDown();
        assertThat(other.get(30, TimeUnit.SECONDS)).contains("done");
        ApiClient.Response retried = api.send("POST", "/actuator/outbox/all", null, null);
        assertThat(retried.status()).as(retried.body()).isEqualTo(200);
        assertThat(retried.json().has("requeued")).isTrue();
    }

    @Test
    void aLeaseNotRenewedForItsTimeIsTakenOverAndItsHolderStops() throws Exception {
        String command = "test-" + System.nanoTime();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<Optional<String>> stale = threads.submit(() -> commands.runAlone(command, lease -> {
            held.countDown();
            awaitQuietly(release);
            lease.renew();
            return "should not get here";
        }));
        assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(commands.runAlone(command, lease -> "twice")).isEmpty();

        // Its instance stopped renewing (as if it died): the lease is free after LEASE.
        jdbc.sql("UPDATE operator_commands SET renewed_at = ? WHERE name = ?")
                .params(SqlTime.of(Instant.now().minus(OperatorCommands.LEASE).minusSeconds(1)), command).update();
        assertThat(commands.runningSince(command)).isEmpty();
        assertThat(commands.runAlone(command, lease -> "taken over")).contains("taken over");

        release.countDown();
        assertThatThrownBy(() -> stale.get(30, TimeUnit.SECONDS)).hasMessageContaining("lost its lease");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static <T> T getQuietly(Future<T> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
