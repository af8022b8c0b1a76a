package io.bsocial.web.timeline.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import io.bsocial.shared.sql.SqlTime;
import io.bsocial.web.WebIntegrationTest;
import io.bsocial.web.support.ApiClient;
import io.bsocial.web.support.ApiClient.Response;
import io.bsocial.web.support.OwnDatabase;
import io.bsocial.web.support.TestUsers;
import io.bsocial.web.support.TestUsers.LoggedIn;
import io.bsocial.web.timeline.internal.HomeTimelines.Heads;
import tools.jackson.databind.JsonNode;

/**
 * The fan-out heals itself: a post whose fan-out keeps failing (here its author's lock is held
 * longer than a fan-out may wait) is counted, set aside after the configured tries while the posts
 * behind it fan out, shown to the operator and in health (DEGRADED), read by the feed meanwhile,
 * and fans out once retried. Builds re-check their heads once locked, so concurrent builders write
 * each entry once. On H2 and PostgreSQL.
 * <p>
 * On a database of its own, as {@link HomeTimelineTest} says why: the tries counted here are this
 * instance's.
 */
@WebIntegrationTest
@DirtiesContext
@TestPropertySource(properties = {
        "bsocial.timelines.fan-out-timeout=1s",
        "bsocial.timelines.fan-out-attempts=2",
        "bsocial.timelines.max-pending-age=1s",
        "bsocial.timelines.maintenance-interval=1h"})
class FanOutSelfHealingTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        OwnDatabase.register(registry, "fan_out_healing");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    HomeTimelines timelines;

    @Autowired
    TransactionTemplate transactions;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void aPostThatCannotFanOutIsSetAsideWhileTheOthersFlowAndFansOutOnceRetried() throws Exception {
        LoggedIn stuck = TestUsers.create(api, "fsa");
        LoggedIn flowing = TestUsers.create(api, "fsb");
        LoggedIn reader = TestUsers.create(api, "fsr");
        TestUsers.follow(api, reader, stuck);
        TestUsers.follow(api, reader, flowing);

        long held;
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            lockAuthor(holder, stuck.id());
            held = TestUsers.post(api, stuck, "my fan-out waits for a lock held too long");
            long behind = TestUsers.post(api, flowing, "written after, fanned out all the same");

            Awaitility.await().atMost(WAIT).until(() -> entry(reader, behind) && attempts(held) >= 2);
            JsonNode view = api.get("/actuator/timelines").json();
            assertThat(view.get("setAside")).singleElement().satisfies(post -> {
                assertThat(post.get("postId").asLong()).isEqualTo(held);
                assertThat(post.get("attempts").asInt()).isEqualTo(2);
                assertThat(post.get("lastError").asString()).isNotBlank().doesNotContain("waits for a lock");
            });
            assertThat(feedIds(reader)).as("the feed reads the set-aside post").contains(held, behind);
            Awaitility.await().atMost(WAIT).untilAsserted(() -> {
                JsonNode health = api.get("/actuator/health").json().at("/components/timelines");
                assertThat(health.get("status").asString()).isEqualTo("DEGRADED");
                assertThat(health.at("/details/setAside").asLong()).isEqualTo(1);
            });
            assertThat(api.get("/actuator/health").status()).as("degraded still serves").isEqualTo(200);
            holder.rollback();
        }

        Response retried = api.send("POST", "/actuator/timelines/retry", null, null);
        assertThat(retried.status()).as(retried.body()).isEqualTo(200);
        assertThat(retried.json().get("posts").asInt()).isEqualTo(1);
        Awaitility.await().atMost(WAIT).until(() -> entry(reader, held));
        assertThat(api.get("/actuator/timelines").json().get("setAside")).isEmpty();
        Awaitility.await().atMost(WAIT).until(() ->
                "UP".equals(api.get("/actuator/health").json().at("/components/timelines/status").asString()));
    }

    @Test
    void eightConcurrentBuildsOfTheSameTimelinesWriteEachEntryOnce() throws Exception {
        LoggedIn author = TestUsers.create(api, "fbw");
        for (int i = 0; i < 5; i++) {
            TestUsers.post(api, author, "to build " + i);
        }
        List<Long> readers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            LoggedIn reader = TestUsers.create(api, "fbr");
            TestUsers.follow(api, reader, author);
            readers.add(reader.id());
        }
        Awaitility.await().atMost(WAIT).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM posts WHERE author_id = ? AND fanned_out = FALSE").param(author.id())
                .query(Long.class).single() == 0);
        long expected = entries(readers);
        assertThat(expected).isEqualTo(30);
        jdbc.sql("UPDATE timeline_heads SET horizon_created_at = :at, horizon_post_id = :id WHERE user_id IN (:users)")
                .param("at", SqlTime.of(HomeTimelines.UNBUILT.createdAt())).param("id", HomeTimelines.UNBUILT.id())
                .param("users", readers).update();

        ExecutorService builders = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> builds = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Callable<Integer> build = () -> {
                    start.await();
                    return transactions.execute(status -> timelines.build(readers, Heads.WAIT));
                };
                builds.add(builders.submit(build));
            }
            start.countDown();
            int written = 0;
            for (Future<Integer> build : builds) {
                written += build.get(1, TimeUnit.MINUTES);
            }
            assertThat(written).as("entries written by all eight builds together").isEqualTo(expected);
        } finally {
            builders.shutdownNow();
        }
        assertThat(entries(readers)).isEqualTo(expected);
        assertThat(timelines.unbuilt(1_000)).doesNotContainAnyElementsOf(readers);
    }

    private long entries(List<Long> users) {
        return jdbc.sql("SELECT COUNT(*) FROM home_timelines WHERE user_id IN (:users)").param("users", users)
                .query(Long.class).single();
    }

    private int attempts(long post) {
        return jdbc.sql("SELECT fan_out_attempts FROM posts WHERE id = ?").param(post).query(Integer.class).single();
    }

    private boolean entry(LoggedIn user, long post) {
        return jdbc.sql("SELECT COUNT(*) FROM home_timelines WHERE user_id = ? AND post_id = ?")
                .params(user.id(), post).query(Long.class).single() == 1;
    }

    private static void lockAuthor(Connection holder, long authorId) throws Exception {
        try (PreparedStatement author = holder.prepareStatement(
                "SELECT popular FROM timeline_authors WHERE author_id = ? FOR UPDATE")) {
            author.setLong(1, authorId);
            try (ResultSet row = author.executeQuery()) {
                assertThat(row.next()).as("the author's row, made by the follow").isTrue();
            }
        }
    }

    private List<Long> feedIds(LoggedIn viewer) {
        Response page = api.get("/api/feed?limit=100", viewer.auth());
        assertThat(page.status()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        page.json().get("items").forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }
}
