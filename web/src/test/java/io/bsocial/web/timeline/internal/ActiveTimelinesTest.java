package io.bsocial.web.timeline.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.bsocial.web.WebIntegrationTest;
import io.bsocial.web.paging.Cursor;
import io.bsocial.web.post.Post;
import io.bsocial.web.post.internal.FeedRepository;
import io.bsocial.web.support.ApiClient;
import io.bsocial.web.support.ApiClient.Response;
import io.bsocial.web.support.OwnDatabase;
import io.bsocial.web.support.TestUsers;
import io.bsocial.web.support.TestUsers.LoggedIn;
import io.bsocial.web.timeline.TimelineHorizons;
import tools.jackson.databind.JsonNode;

/**
 * Home timelines cost what active people cost and stay bounded as they are written: the fan-out
 * trims a timeline once it gained {@code trim-slack} entries (no sweep runs: maintenance is an
 * hour away here unless called); a timeline idle past the active window is dropped with its
 * entries and skipped by the fan-out; its owner's next request gets a complete first page at once
 * (the query of before) and their timeline, built, right after. On H2 and PostgreSQL.
 * <p>
 * On a database of its own, as {@link HomeTimelineTest} says why: the trims checked here are this
 * instance's.
 */
@WebIntegrationTest
@DirtiesContext
@TestPropertySource(properties = {
        "bsocial.timelines.size=6",
        "bsocial.timelines.trim-slack=3",
        "bsocial.timelines.maintenance-interval=1h",
        "bsocial.timelines.inactive-batch=1000"})
class ActiveTimelinesTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        OwnDatabase.register(registry, "active_timelines");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FeedRepository feed;

    @Autowired
    TimelineFanOut fanOut;

    @Autowired
    TimelineActivity activity;

    @Autowired
    PlatformTransactionManager transactionManager;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void aTimelineIsTrimmedAsTheFanOutWritesIt() {
        LoggedIn author = TestUsers.create(api, "trw");
        LoggedIn reader = TestUsers.create(api, "trr");
        TestUsers.follow(api, reader, author);
        for (int i = 0; i < 20; i++) {
            TestUsers.post(api, author, "post " + i);
            awaitFannedOut();
            // Trimmed back to 6 each time it gained 3 (right after the fan-out that made it 9).
            Awaitility.await().atMost(WAIT).until(() -> entries(reader.id()) <= 8);
        }
        assertThat(entries(reader.id())).isGreaterThanOrEqualTo(6);
        assertThat(horizon(reader.id())).as("trimmed: complete only from its oldest entry on")
                .isNotIn(TimelineHorizons.COMPLETE, TimelineHorizons.UNBUILT);
        assertThat(feedIds(reader, 7)).hasSize(20).isEqualTo(rule(reader));
    }

    @Test
    void anIdleTimelineIsDroppedSkippedByTheFanOutAndBuiltAgainWhenItsOwnerReturns() {
        LoggedIn author = TestUsers.create(api, "idw");
        LoggedIn reader = TestUsers.create(api, "idr");
        TestUsers.follow(api, reader, author);
        for (int i = 0; i < 3; i++) {
            TestUsers.post(api, author, "before " + i);
        }
        awaitFannedOut();
        assertThat(entries(reader.id())).isEqualTo(3);

        makeIdle(reader);
        assertThat(fanOut.dropIdle()).contains(reader.id());
        assertThat(hasHead(reader.id())).isFalse();
        assertThat(entries(reader.id())).isZero();
        for (int i = 0; i < 2; i++) {
            TestUsers.post(api, author, "while away " + i);
        }
        awaitFannedOut();
        assertThat(entries(reader.id())).as("the fan-out skips an idle person").isZero();

        // Back: the first page is whole at once, read as before while the timeline builds.
        List<Long> firstPage = feedIds(reader, 20);
        assertThat(firstPage).hasSize(5).isEqualTo(rule(reader));
        assertThat(hasHead(reader.id())).isTrue();
        Awaitility.await().atMost(WAIT).until(() -> !TimelineHorizons.UNBUILT.equals(horizon(reader.id())));
        assertThat(entries(reader.id())).isEqualTo(5);
        assertThat(feedIds(reader, 2)).isEqualTo(firstPage);
    }

    /**
     * The race the maintenance step's second look exists for, forced: the drop of an idle
     * timeline is held uncommitted while a post fans out, so the fan-out still sees the head and
     * writes an entry the drop did not delete. The next step deletes it.
     */
    @Test
    void anEntryAFanOutWritesWhileADropCommitsIsDeletedByTheNextStep() {
        LoggedIn author = TestUsers.create(api, "rcw");
        LoggedIn reader = TestUsers.create(api, "rcr");
        TestUsers.follow(api, reader, author);
        TestUsers.post(api, author, "before");
        awaitFannedOut();
        makeIdle(reader);

        new TransactionTemplate(transactionManager).executeWithoutResult(drop -> {
            fanOut.maintain();
            // The drop is not committed yet: the fan-out of this post still sees the reader's head.
            TestUsers.post(api, author, "while the drop commits");
            awaitFannedOut();
        });
        assertThat(hasHead(reader.id())).isFalse();
        assertThat(entries(reader.id())).as("the race happened: the fan-out wrote behind the drop").isEqualTo(1);

        fanOut.maintain();
        assertThat(entries(reader.id())).isZero();
        // Back: the first page is whole, and the timeline is built from the posts themselves.
        assertThat(feedIds(reader, 20)).hasSize(2).isEqualTo(rule(reader));
        Awaitility.await().atMost(WAIT).until(() -> !TimelineHorizons.UNBUILT.equals(horizon(reader.id())));
        assertThat(entries(reader.id())).isEqualTo(2);
    }

    @Test
    void eightIdlePeopleComingBackAtOnceEachGetAWholeFirstPageAndTheirTimelineOnce() throws Exception {
        LoggedIn one = TestUsers.create(api, "ebw");
        LoggedIn two = TestUsers.create(api, "ebx");
        List<LoggedIn> readers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            LoggedIn reader = TestUsers.create(api, "ebr");
            TestUsers.follow(api, reader, one);
            TestUsers.follow(api, reader, two);
            readers.add(reader);
        }
        for (int i = 0; i < 4; i++) {
            TestUsers.post(api, one, "one " + i);
            TestUsers.post(api, two, "two " + i);
        }
        awaitFannedOut();
        readers.forEach(this::makeIdle);
        assertThat(fanOut.dropIdle()).containsAll(readers.stream().map(LoggedIn::id).toList());

        ExecutorService pool = Executors.newFixedThreadPool(8);
        CyclicBarrier start = new CyclicBarrier(8);
        try {
            List<Future<List<Long>>> pages = new ArrayList<>();
            for (LoggedIn reader : readers) {
                pages.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return feedIds(reader, 20);
                }));
            }
            for (int i = 0; i < readers.size(); i++) {
                assertThat(pages.get(i).get(60, TimeUnit.SECONDS)).hasSize(8).isEqualTo(rule(readers.get(i)));
            }
        } finally {
            pool.shutdownNow();
        }
        for (LoggedIn reader : readers) {
            Awaitility.await().atMost(WAIT).until(() -> !TimelineHorizons.UNBUILT.equals(horizon(reader.id())));
            // Eight posts, built into the six newest (the size) and the rest read below the horizon.
            assertThat(entries(reader.id())).isEqualTo(6);
            assertThat(feedIds(reader, 3)).isEqualTo(rule(reader));
        }
    }

    @Test
    void activityIsRecordedBySignedInRequestsAtMostOncePerInterval() {
        LoggedIn reader = TestUsers.create(api, "act");
        Instant longAgo = Instant.now().minus(2, ChronoUnit.HOURS);
        setActiveAt(reader.id(), longAgo);
        activity.forget();

        assertThat(api.get("/api/feed", reader.auth()).status()).isEqualTo(200);
        Instant recorded = activeAt(reader.id());
        assertThat(recorded).isAfter(Instant.now().minus(1, ChronoUnit.MINUTES));

        // Recorded within the interval (an hour by default): the next requests write nothing.
        setActiveAt(reader.id(), longAgo);
        assertThat(api.get("/api/feed", reader.auth()).status()).isEqualTo(200);
        assertThat(activeAt(reader.id())).isCloseTo(longAgo, within(1, ChronoUnit.MILLIS));

        // A request without a session records nobody.
        activity.forget();
        assertThat(api.get("/api/feed").status()).isEqualTo(401);
        assertThat(activeAt(reader.id())).isCloseTo(longAgo, within(1, ChronoUnit.MILLIS));
    }

    private void makeIdle(LoggedIn user) {
        setActiveAt(user.id(), Instant.now().minus(40, ChronoUnit.DAYS));
        activity.forget();
    }

    private void setActiveAt(long userId, Instant at) {
        jdbc.sql("UPDATE timeline_heads SET active_at = ? WHERE user_id = ?").params(at.atOffset(ZoneOffset.UTC), userId)
                .update();
    }

    private Instant activeAt(long userId) {
        return jdbc.sql("SELECT active_at FROM timeline_heads WHERE user_id = ?").param(userId)
                .query(java.time.OffsetDateTime.class).single().toInstant();
    }

    private void awaitFannedOut() {
        Awaitility.await().atMost(WAIT).until(() -> jdbc.sql("SELECT COUNT(*) FROM posts WHERE fanned_out = FALSE")
                .query(Long.class).single() == 0);
    }

    private long entries(long userId) {
        return jdbc.sql("SELECT COUNT(*) FROM home_timelines WHERE user_id = ?").param(userId).query(Long.class).single();
    }

    private boolean hasHead(long userId) {
        return jdbc.sql("SELECT COUNT(*) FROM timeline_heads WHERE user_id = ?").param(userId).query(Long.class).single() > 0;
    }

    private Cursor horizon(long userId) {
        return jdbc.sql("SELECT horizon_created_at, horizon_post_id FROM timeline_heads WHERE user_id = ?").param(userId)
                .query((rs, row) -> new Cursor(rs.getObject(1, java.time.OffsetDateTime.class).toInstant(), rs.getLong(2)))
                .optional().orElse(null);
    }

    private List<Long> rule(LoggedIn viewer) {
        return feed.withoutTimeline(viewer.id(), Cursor.NEWEST, 10_000).stream().map(Post::id).toList();
    }

    /** The whole feed, paged through the API {@code limit} at a time. */
    private List<Long> feedIds(LoggedIn viewer, int limit) {
        List<Long> ids = new ArrayList<>();
        String cursor = null;
        do {
            Response page = api.get("/api/feed?limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor), viewer.auth());
            assertThat(page.status()).isEqualTo(200);
            for (JsonNode item : page.json().get("items")) {
                ids.add(item.get("id").asLong());
            }
            JsonNode next = page.json().get("nextCursor");
            cursor = next.isNull() ? null : next.asString();
        } while (cursor != null);
        return ids;
    }
}
