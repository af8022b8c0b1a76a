package io.bsocial.web.timeline.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
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
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import io.bsocial.web.WebIntegrationTest;
import io.bsocial.web.paging.Cursor;
import io.bsocial.web.post.Post;
import io.bsocial.web.post.internal.FeedRepository;
import io.bsocial.web.support.ApiClient;
import io.bsocial.web.support.ApiClient.Response;
import io.bsocial.web.support.OwnDatabase;
import io.bsocial.web.support.TestUsers;
import io.bsocial.web.support.TestUsers.LoggedIn;
import tools.jackson.databind.JsonNode;

/**
 * Home timelines answer exactly what the feed's rule answers (the query of before, which
 * {@code FeedApiTest} and the visibility tests pin down), whatever the fan-out has done so far:
 * with tiny limits (6 entries per timeline, popular above 3 followers) so that every path —
 * entries, pending posts, popular authors, the horizon and the fallback below it — is taken.
 * The background fan-out is woken by each post and trims as it writes; building only runs when called.
 * <p>
 * On a database of its own: the fan-out threads of the run's other contexts would otherwise fan
 * these posts out too, each trimming only after its own {@code trim-slack} (50 there), and the
 * bound checked here is one instance's.
 */
@WebIntegrationTest
@DirtiesContext
@TestPropertySource(properties = {
        "bsocial.timelines.size=6",
        "bsocial.timelines.trim-slack=2",
        "bsocial.timelines.popular-followers=3",
        "bsocial.timelines.maintenance-interval=1h"})
class HomeTimelineTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FeedRepository feed;

    @Autowired
    TimelineFanOut fanOut;

    ApiClient api;
    ExecutorService pool;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        OwnDatabase.register(registry, "home_timelines");
    }

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        pool = Executors.newFixedThreadPool(8);
    }

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
    }

    @Test
    void everyFeedIsTheRuleWhilePostsFollowsUnfollowsAndDeletesRunFromEightThreads() throws Exception {
        List<LoggedIn> users = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            users.add(TestUsers.create(api, "tl" + i));
        }
        // users[0] is popular (5 followers > 3); the others follow the next two.
        for (int i = 1; i <= 5; i++) {
            TestUsers.follow(api, users.get(i), users.get(0));
        }
        for (int i = 1; i < 10; i++) {
            TestUsers.follow(api, users.get(i), users.get(1 + i % 9));
            TestUsers.follow(api, users.get(i), users.get(1 + (i + 1) % 9));
        }
        Map<Long, List<Long>> postsBy = new ConcurrentHashMap<>();
        for (LoggedIn user : users) {
            postsBy.put(user.id(), new CopyOnWriteArrayList<>());
            for (int n = 0; n < 4; n++) {
                postsBy.get(user.id()).add(TestUsers.post(api, user, "before " + n));
            }
        }

        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Random random = new Random(17 + t);
            workers.add(pool.submit(() -> {
                for (int step = 0; step < 20; step++) {
                    LoggedIn who = users.get(random.nextInt(users.size()));
                    LoggedIn other = users.get(random.nextInt(users.size()));
                    switch (random.nextInt(5)) {
                        case 0, 1 -> postsBy.get(who.id()).add(TestUsers.post(api, who, "meanwhile " + step));
                        case 2 -> {
                            if (other.id() != who.id()) {
                                expect(204, api.send("PUT", "/api/users/" + other.username() + "/follow", null, null, who.auth()));
                            }
                        }
                        case 3 -> expect(204, api.send("DELETE", "/api/users/" + other.username() + "/follow", null, null, who.auth()));
                        default -> {
                            List<Long> own = postsBy.get(who.id());
                            if (!own.isEmpty()) {
                                expect(204, api.send("DELETE", "/api/posts/" + own.get(random.nextInt(own.size())), null, null, who.auth()));
                            }
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get(3, TimeUnit.MINUTES);
        }

        assertEveryFeedIsTheRule(users);
        fanOut.drain();
        assertThat(pendingPosts()).isZero();
        assertEveryFeedIsTheRule(users);
        // Trimmed as they were written: at most size + trim-slack entries each (a trim that found
        // its head held by a back-fill waits for the next post, hence the margin).
        assertThat(jdbc.sql("SELECT COALESCE(MAX(n), 0) FROM (SELECT COUNT(*) AS n FROM home_timelines GROUP BY user_id) c")
                .query(Long.class).single()).isLessThanOrEqualTo(6 + 2 * 2);
        // The timelines were used, not bypassed: entries, a trimmed horizon, a popular author unfanned.
        assertThat(jdbc.sql("SELECT COUNT(*) FROM home_timelines").query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM home_timelines WHERE author_id = ?").param(users.get(0).id())
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM timeline_heads WHERE horizon_created_at > ? AND horizon_created_at < ?")
                .params(HomeTimelines.COMPLETE.createdAt().atOffset(ZoneOffset.UTC),
                        HomeTimelines.UNBUILT.createdAt().atOffset(ZoneOffset.UTC))
                .query(Long.class).single()).isPositive();

        Response rebuilt = api.send("POST", "/actuator/timelines/rebuild", null, null);
        assertThat(rebuilt.status()).isEqualTo(200);
        assertThat(rebuilt.json().get("users").asLong()).isGreaterThanOrEqualTo(users.size());
        assertThat(unbuilt(users)).isZero();
        assertEveryFeedIsTheRule(users);
    }

    @Test
    void aFollowShowsTheAuthorsRecentPostsAtOnceAndAnUnfollowRemovesThem() {
        LoggedIn author = TestUsers.create(api, "tla");
        LoggedIn reader = TestUsers.create(api, "tlr");
        List<Long> posted = new ArrayList<>();
        for (int n = 0; n < 8; n++) {
            posted.add(TestUsers.post(api, author, "post " + n));
        }
        fanOut.drain();

        TestUsers.follow(api, reader, author);
        // Back-filled in the follow's own transaction: the newest 6 (the size), horizon at the 6th.
        assertThat(entries(reader.id(), author.id())).isEqualTo(6);
        assertThat(feedIds(reader, 3)).isEqualTo(reversed(posted));

        expect(204, api.send("DELETE", "/api/users/" + author.username() + "/follow", null, null, reader.auth()));
        assertThat(entries(reader.id(), author.id())).isZero();
        assertThat(feedIds(reader, 3)).isEmpty();
    }

    @Test
    void aPostWaitingForItsFanOutIsInTheFeedAndThenInTheTimelineOnce() {
        LoggedIn author = TestUsers.create(api, "tlp");
        LoggedIn reader = TestUsers.create(api, "tlq");
        TestUsers.follow(api, reader, author);
        // Inserted behind the application's back: pending by default; the fan-out is held meanwhile.
        fanOut.stop();
        long id;
        try {
            id = insertPost(author.id(), Instant.now());
            assertThat(entries(reader.id(), author.id())).isZero();
            assertThat(feedIds(reader, 5)).containsExactly(id);
            fanOut.drain();
        } finally {
            fanOut.start();
        }
        assertThat(entries(reader.id(), author.id())).isOne();
        assertThat(feedIds(reader, 5)).containsExactly(id);
    }

    @Test
    void aDeletedPostLeavesEveryTimeline() {
        LoggedIn author = TestUsers.create(api, "tld");
        LoggedIn first = TestUsers.create(api, "tle");
        LoggedIn second = TestUsers.create(api, "tlf");
        TestUsers.follow(api, first, author);
        TestUsers.follow(api, second, author);
        long id = TestUsers.post(api, author, "soon gone");
        fanOut.drain();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM home_timelines WHERE post_id = ?").param(id).query(Long.class).single())
                .isEqualTo(2);

        expect(204, api.send("DELETE", "/api/posts/" + id, null, null, author.auth()));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM home_timelines WHERE post_id = ?").param(id).query(Long.class).single())
                .isZero();
        assertThat(feedIds(first, 5)).isEmpty();
    }

    @Test
    void eightConcurrentFanOutsWriteEachEntryExactlyOnce() throws Exception {
        LoggedIn author = TestUsers.create(api, "tlg");
        List<LoggedIn> followers = List.of(TestUsers.create(api, "tlh"), TestUsers.create(api, "tli"),
                TestUsers.create(api, "tlj"));
        for (LoggedIn follower : followers) {
            TestUsers.follow(api, follower, author);
        }
        // Stopped before the posts exist: the eight drains below are the only fan-outs. (Stopped after,
        // the background fan-out, which polls every second, sometimes took a few posts first.)
        fanOut.stop();
        long written = 0;
        try {
            Instant at = Instant.parse("2026-06-01T12:00:00Z");
            for (int n = 0; n < 40; n++) {
                insertPost(author.id(), at.plusSeconds(n));
            }
            List<Future<Long>> drains = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                drains.add(pool.submit(fanOut::drain));
            }
            for (Future<Long> drain : drains) {
                written += drain.get(2, TimeUnit.MINUTES);
            }
        } finally {
            fanOut.start();
        }
        assertThat(written).isEqualTo(40 * 3);
        assertThat(pendingPosts()).isZero();
        for (LoggedIn follower : followers) {
            // Trimmed as written (size 6): the newest entries are there, the feed is whole.
            assertThat(entries(follower.id(), author.id())).isBetween(6L, 40L);
        }
        assertEveryFeedIsTheRule(followers);
    }

    @Test
    void theRebuildIsForOperatorsNotForPages() {
        Response fromAPage = api.send("POST", "/actuator/timelines/rebuild", null, null,
                "Origin", "http://localhost:" + port);
        assertThat(fromAPage.status()).isEqualTo(403);
        LoggedIn user = TestUsers.create(api, "tlo");
        Response fromElsewhere = api.send("POST", "/actuator/timelines/rebuild", null, null,
                "X-Forwarded-For", "203.0.113.9", "X-Auth-Token", user.token());
        assertThat(fromElsewhere.status()).isEqualTo(403);
        assertThat(api.get("/actuator/timelines", "X-Forwarded-For", "203.0.113.9").status()).isEqualTo(403);
        Response unknown = api.send("POST", "/actuator/timelines/everything", null, null);
        assertThat(unknown.status()).isEqualTo(400);
        Response view = api.get("/actuator/timelines");
        assertThat(view.status()).isEqualTo(200);
        assertThat(view.json().get("size").asInt()).isEqualTo(6);
    }

    private void assertEveryFeedIsTheRule(List<LoggedIn> users) {
        for (LoggedIn user : users) {
            List<Long> rule = feed.withoutTimeline(user.id(), Cursor.NEWEST, 10_000).stream().map(Post::id).toList();
            assertThat(feedIds(user, 4)).as("feed of %s", user.username()).isEqualTo(rule);
        }
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

    private long insertPost(long authorId, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO posts (author_id, content, created_at) VALUES (?, ?, ?)")
                .params(authorId, "inserted", at.atOffset(ZoneOffset.UTC))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    private long entries(long userId, long authorId) {
        return jdbc.sql("SELECT COUNT(*) FROM home_timelines WHERE user_id = ? AND author_id = ?")
                .params(userId, authorId).query(Long.class).single();
    }

    private long pendingPosts() {
        return jdbc.sql("SELECT COUNT(*) FROM posts WHERE fanned_out = FALSE").query(Long.class).single();
    }

    private long unbuilt(List<LoggedIn> users) {
        return users.stream().filter(user -> HomeTimelines.UNBUILT.equals(jdbc.sql(
                "SELECT horizon_created_at, horizon_post_id FROM timeline_heads WHERE user_id = ?").param(user.id())
                .query((rs, row) -> new Cursor(rs.getObject(1, java.time.OffsetDateTime.class).toInstant(), rs.getLong(2)))
                .single())).count();
    }

    private static void expect(int status, Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
    }

    private static List<Long> reversed(List<Long> ids) {
        List<Long> copy = new ArrayList<>(ids);
        Collections.reverse(copy);
        return copy;
    }
}
