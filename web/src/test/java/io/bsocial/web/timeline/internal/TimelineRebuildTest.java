package io.bsocial.web.timeline.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import io.bsocial.web.WebIntegrationTest;
import io.bsocial.web.paging.Cursor;
import io.bsocial.web.post.Post;
import io.bsocial.web.post.internal.FeedRepository;
import io.bsocial.web.support.ApiClient;
import io.bsocial.web.support.ApiClient.Response;
import io.bsocial.web.support.TestUsers;
import io.bsocial.web.support.TestUsers.LoggedIn;
import tools.jackson.databind.JsonNode;

/**
 * A rebuild of every home timeline is an operator's command that runs once at a time across all
 * instances (a second one answers 409), and posts keep fanning out while it runs. The rebuild is
 * held at its unbuild step by another transaction holding one user's head (as a follow's
 * back-fill or a trim holds one a moment): before, that step had already locked every author row,
 * so every fan-out waited for it (PostgreSQL) or gave up on H2's lock timeout, and the rebuild
 * itself answered 500 on H2. Same settings as {@link HomeTimelineTest}. On H2 and PostgreSQL.
 */
@WebIntegrationTest
@TestPropertySource(properties = {
        "bsocial.timelines.size=6",
        "bsocial.timelines.popular-followers=3",
        "bsocial.timelines.maintenance-interval=1h"})
class TimelineRebuildTest {

    private static final Duration FAN_OUT_WAIT = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    FeedRepository feed;

    ApiClient api;
    ExecutorService operator = Executors.newSingleThreadExecutor();

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @AfterEach
    void stop() {
        operator.shutdownNow();
    }

    @Test
    void postsKeepFanningOutWhileARebuildRunsAndASecondRebuildIsRefused() throws Exception {
        LoggedIn author = TestUsers.create(api, "rba");
        LoggedIn held = TestUsers.create(api, "rbh");
        LoggedIn reader = TestUsers.create(api, "rbr");
        TestUsers.follow(api, held, author);
        TestUsers.follow(api, reader, author);
        long before = TestUsers.post(api, author, "before the rebuild");
        awaitFannedOut(before, reader);

        Future<Response> rebuild;
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            lockHead(holder, held.id());
            rebuild = operator.submit(() -> api.send("POST", "/actuator/timelines/rebuild", null, null));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !api.get("/actuator/timelines").json()
                    .get("rebuildingSince").isNull());

            List<Long> meanwhile = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                long post = TestUsers.post(api, author, "while the timelines are rebuilt " + i);
                meanwhile.add(post);
                awaitFannedOut(post, reader);
                assertThat(entry(held, post)).as("written for the held user too").isTrue();
            }

            Response second = api.send("POST", "/actuator/timelines/rebuild", null, null);
            assertThat(second.status()).as(second.body()).isEqualTo(409);
            assertThat(second.header("Content-Type")).startsWith("application/problem+json");
            JsonNode problem = second.json();
            assertThat(problem.get("status").asInt()).isEqualTo(409);
            assertThat(problem.get("detail").asString()).contains("running already");
            assertThat(rebuild.isDone()).as("the first rebuild still runs").isFalse();
            holder.rollback();
        }

        Response rebuilt = rebuild.get(2, TimeUnit.MINUTES);
        assertThat(rebuilt.status()).as(rebuilt.body()).isEqualTo(200);
        assertThat(api.get("/actuator/timelines").json().get("rebuildingSince").isNull()).isTrue();
        for (LoggedIn user : List.of(author, held, reader)) {
            List<Long> rule = feed.withoutTimeline(user.id(), Cursor.NEWEST, 100).stream().map(Post::id).toList();
            assertThat(feedIds(user)).as("feed of %s", user.username()).isEqualTo(rule).isNotEmpty();
        }
        assertThat(api.send("POST", "/actuator/timelines/rebuild", null, null).status()).as("once it is done").isEqualTo(200);
    }

    /** The post's fan-out is done and wrote the reader's entry: a bounded wait on that condition. */
    private void awaitFannedOut(long post, LoggedIn reader) {
        Awaitility.await().atMost(FAN_OUT_WAIT).until(() -> jdbc.sql("SELECT fanned_out FROM posts WHERE id = ?")
                .param(post).query(Boolean.class).single() && entry(reader, post));
    }

    private boolean entry(LoggedIn user, long post) {
        return jdbc.sql("SELECT COUNT(*) FROM home_timelines WHERE user_id = ? AND post_id = ?")
                .params(user.id(), post).query(Long.class).single() == 1;
    }

    private static void lockHead(Connection holder, long userId) throws Exception {
        try (PreparedStatement head = holder.prepareStatement(
                "SELECT user_id FROM timeline_heads WHERE user_id = ? FOR UPDATE")) {
            head.setLong(1, userId);
            try (ResultSet row = head.executeQuery()) {
                assertThat(row.next()).isTrue();
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
