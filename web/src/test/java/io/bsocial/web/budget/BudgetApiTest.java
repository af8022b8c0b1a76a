package io.bsocial.web.budget;

import static io.bsocial.web.support.ProblemAssertions.assertPastBudget;
import static io.bsocial.web.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import io.bsocial.shared.events.EventTopics;
import io.bsocial.web.WebIntegrationTest;
import io.bsocial.web.support.ApiClient;
import io.bsocial.web.support.ApiClient.Response;
import io.bsocial.web.support.KafkaRecorder;
import io.bsocial.web.support.TestUsers;
import io.bsocial.web.support.TestUsers.LoggedIn;

/**
 * Every budget of the contract that exists so far, at its default, through the real API on H2 and
 * PostgreSQL: up to the budget everything goes through, past it the answer is 429 with the problem
 * document, {@code Retry-After} and both RateLimit fields, and nothing is written (no row, no
 * event on Kafka). Refused and invalid requests spend nothing; a request with the operator token
 * spends nothing. (The properties are {@code InternalSurfacesTest}'s, so the two share a context.)
 */
@WebIntegrationTest
@TestPropertySource(properties = {"bsocial.operator.token=test-operator-token", "bsocial.trusted-proxies=198.51.100.7"})
class BudgetApiTest {

    static final String[] OPERATOR = {"X-Operator-Token", "test-operator-token"};
    static final long POSTS = 300;
    static final long POSTS_WINDOW = 3 * 3600;

    @RegisterExtension
    static final KafkaRecorder kafka = KafkaRecorder.ofEmbeddedBroker();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void postsAndCommentsShareOneBudgetAndNothingIsWrittenPastIt() {
        LoggedIn author = TestUsers.create(api, "bposts");
        // Refused and invalid requests spend nothing.
        for (int i = 0; i < 3; i++) {
            assertProblem(post(author, " "), 400);
            assertProblem(comment(author, 999_999_999L, "Anyone?"), 404);
        }
        long first = TestUsers.post(api, author, "post 1");
        for (int i = 2; i <= 200; i++) {
            assertThat(post(author, "post " + i).status()).isEqualTo(201);
        }
        for (int i = 1; i <= 100; i++) {
            assertThat(comment(author, first, "comment " + i).status()).isEqualTo(201);
        }

        assertPastBudget(post(author, "one post too many"), "posts", POSTS, POSTS_WINDOW);
        assertPastBudget(comment(author, first, "one comment too many"), "posts", POSTS, POSTS_WINDOW);

        assertThat(count("SELECT COUNT(*) FROM posts WHERE author_id = ?", author.id())).isEqualTo(200);
        assertThat(count("SELECT COUNT(*) FROM posts WHERE author_id = ? AND content LIKE 'one % too many'", author.id()))
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM comments WHERE author_id = ?", author.id())).isEqualTo(100);
        assertEventsOf(author, EventTopics.POST_CREATED, 200);
        assertEventsOf(author, EventTopics.COMMENT_CREATED, 100);
    }

    @Test
    void eightThreadsOfOneUserRacingPastTheBudgetGetExactlyItsNumberOfPosts() throws Exception {
        LoggedIn author = TestUsers.create(api, "brace");
        int threads = 8;
        int each = 40; // 320 attempts for a budget of 300
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Future<List<Integer>>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                work.add(pool.submit(() -> {
                    start.await();
                    List<Integer> mine = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        Response answer = post(author, "race " + thread + "." + i);
                        if (answer.status() == 429) {
                            assertPastBudget(answer, "posts", POSTS, POSTS_WINDOW);
                        }
                        mine.add(answer.status());
                    }
                    return mine;
                }));
            }
            for (Future<List<Integer>> done : work) {
                statuses.addAll(done.get());
            }
        } finally {
            pool.shutdown();
        }

        assertThat(statuses).containsOnly(201, 429);
        assertThat(statuses.stream().filter(status -> status == 201).count()).isEqualTo(POSTS);
        assertThat(statuses.stream().filter(status -> status == 429).count()).isEqualTo(threads * each - POSTS);
        assertThat(count("SELECT COUNT(*) FROM posts WHERE author_id = ?", author.id())).isEqualTo(POSTS);
        assertEventsOf(author, EventTopics.POST_CREATED, POSTS);
    }

    @Test
    void followsAndUnfollowsShareOneBudgetAndThe401stChangesNothing() {
        LoggedIn follower = TestUsers.create(api, "bfollow");
        LoggedIn followed = TestUsers.create(api, "bfollowed");
        assertProblem(follow("PUT", follower, follower.username()), 400);
        assertProblem(follow("PUT", follower, "nobody_by_that_name"), 404);
        assertProblem(follow("DELETE", follower, "nobody_by_that_name"), 404);
        for (int i = 0; i < 200; i++) {
            assertThat(follow("PUT", follower, followed.username()).status()).isEqualTo(204);
            assertThat(follow("DELETE", follower, followed.username()).status()).isEqualTo(204);
        }

        assertPastBudget(follow("PUT", follower, followed.username()), "follows", 400, 24 * 3600);
        assertPastBudget(follow("DELETE", follower, followed.username()), "follows", 400, 24 * 3600);

        assertThat(count("SELECT COUNT(*) FROM follows WHERE follower_id = ?", follower.id())).isZero();
        assertThat(api.get("/api/users/" + followed.username(), follower.auth()).json().get("followedByMe").asBoolean())
                .isFalse();
        assertEventsOf(follower, EventTopics.USER_FOLLOWED, 200);
        assertEventsOf(follower, EventTopics.USER_UNFOLLOWED, 200);
    }

    @Test
    void likesAndUnlikesShareOneBudgetAndThe1001stChangesNothing() {
        LoggedIn liker = TestUsers.create(api, "blike");
        long post = TestUsers.post(api, liker, "Liked and unliked");
        assertProblem(like("PUT", liker, 999_999_999L), 404);
        for (int i = 0; i < 500; i++) {
            assertThat(like("PUT", liker, post).status()).isEqualTo(200);
            assertThat(like("DELETE", liker, post).status()).isEqualTo(200);
        }

        assertPastBudget(like("PUT", liker, post), "likes", 1000, 24 * 3600);
        assertPastBudget(like("DELETE", liker, post), "likes", 1000, 24 * 3600);

        assertThat(count("SELECT COUNT(*) FROM post_likes WHERE post_id = ?", post)).isZero();
        assertThat(api.get("/api/posts/" + post, liker.auth()).json().get("likeCount").asInt()).isZero();
        assertEventsOf(liker, EventTopics.POST_LIKED, 500);
        assertEventsOf(liker, EventTopics.POST_UNLIKED, 500);
    }

    @Test
    void editsAndDeletesShareOneBudgetAndPastItThePostStaysAsItWas() {
        LoggedIn editor = TestUsers.create(api, "bedit");
        LoggedIn other = TestUsers.create(api, "bother");
        TestUsers.follow(api, editor, other);
        long othersPost = TestUsers.post(api, other, "not yours");
        long post = TestUsers.post(api, editor, "version 0");
        long comment = TestUsers.comment(api, editor, post, "a comment");
        // Refused, invalid and empty edits spend nothing.
        assertProblem(edit(editor, othersPost, "mine now"), 403);
        assertProblem(edit(editor, 999_999_999L, "nothing there"), 404);
        assertProblem(edit(editor, post, " "), 400);
        assertThat(edit(editor, post, "version 0").status()).isEqualTo(200); // the same text: no edit
        for (int i = 1; i <= 59; i++) {
            assertThat(edit(editor, post, "version " + i).status()).isEqualTo(200);
        }
        assertThat(api.send("DELETE", "/api/posts/" + post + "/comments/" + comment, null, null, editor.auth()).status())
                .isEqualTo(204);

        assertPastBudget(edit(editor, post, "version 60"), "edits", 60, 1800);
        assertPastBudget(api.send("DELETE", "/api/posts/" + post, null, null, editor.auth()), "edits", 60, 1800);

        assertThat(api.get("/api/posts/" + post, editor.auth()).json().get("content").asString()).isEqualTo("version 59");
        assertEventsOf(editor, EventTopics.POST_UPDATED, 59);
        assertEventsOf(editor, EventTopics.COMMENT_DELETED, 1);
        assertThat(kafka.matching(m -> m.topic().equals(EventTopics.POST_DELETED)
                && m.json().get("postId").asLong() == post)).isEmpty();
    }

    @Test
    void fiveRegistrationsPerAddressAndATakenNameCountsSoProbingStops() {
        String address = TestUsers.clientAddress();
        LoggedIn existing = TestUsers.create(api, "bexisting");
        Map<String, Object> invalid = TestUsers.registration(TestUsers.uniqueUsername("binvalid"));
        invalid.put("email", "not an address");
        assertProblem(register(invalid, address), 400);
        for (int i = 0; i < 4; i++) {
            assertThat(register(TestUsers.registration(TestUsers.uniqueUsername("breg")), address).status()).isEqualTo(201);
        }
        // Probing whether an address has an account: answered (409 says why), and counted.
        Map<String, Object> probe = TestUsers.registration(TestUsers.uniqueUsername("bprobe"));
        probe.put("email", existing.username() + "@example.com");
        assertProblem(register(probe, address), 409);

        String refused = TestUsers.uniqueUsername("brefused");
        assertPastBudget(register(TestUsers.registration(refused), address), "registrations", 5, 1800);
        probe.put("username", TestUsers.uniqueUsername("bprobe"));
        assertPastBudget(register(probe, address), "registrations", 5, 1800);

        assertThat(count("SELECT COUNT(*) FROM users WHERE username = ?", refused)).isZero();
        assertThat(register(TestUsers.registration(TestUsers.uniqueUsername("belsewhere")), TestUsers.clientAddress())
                .status()).isEqualTo(201);
        awaitEmptyOutbox();
        assertThat(kafka.matching(m -> m.topic().equals(EventTopics.USER_REGISTERED)
                && refused.equals(m.json().get("username").asString()))).isEmpty();
    }

    @Test
    void anIpv6ClientIsCountedByItsSlash64() {
        for (int i = 1; i <= 5; i++) {
            assertThat(register(TestUsers.registration(TestUsers.uniqueUsername("bsix")), "2001:db8:5:6::" + i).status())
                    .isEqualTo(201);
        }
        assertPastBudget(register(TestUsers.registration(TestUsers.uniqueUsername("bsix")), "2001:db8:5:6:ffff:1:2:3"),
                "registrations", 5, 1800);
        assertThat(register(TestUsers.registration(TestUsers.uniqueUsername("bsix")), "2001:db8:5:7::1").status())
                .isEqualTo(201);
    }

    @Test
    void everyAuthenticatedApiRequestSpendsTheRequestBudgetHoweverItsPathIsSpelled() {
        LoggedIn reader = TestUsers.create(api, "breader");
        LoggedIn someoneElse = TestUsers.create(api, "bsomeone");
        for (int i = 0; i < 1_500; i++) {
            assertThat(api.get(i % 2 == 0 ? "/api/me" : "/api/feed", reader.auth()).status()).isEqualTo(200);
        }

        assertPastBudget(api.get("/api/me", reader.auth()), "requests", 1_500, 300);
        assertPastBudget(api.get("/%61pi/me", reader.auth()), "requests", 1_500, 300);
        Response write = post(reader, "not even a write gets through");
        assertPastBudget(write, "requests", 1_500, 300);
        assertThat(count("SELECT COUNT(*) FROM posts WHERE author_id = ?", reader.id())).isZero();
        assertThat(api.get("/api/me", someoneElse.auth()).status()).isEqualTo(200);
    }

    @Test
    void aRequestWithTheOperatorTokenSpendsNoBudget() {
        String address = TestUsers.clientAddress();
        for (int i = 0; i < 8; i++) {
            assertThat(register(TestUsers.registration(TestUsers.uniqueUsername("bop")), address, OPERATOR).status())
                    .isEqualTo(201);
        }
        for (int i = 0; i < 5; i++) {
            assertThat(register(TestUsers.registration(TestUsers.uniqueUsername("bop")), address).status()).isEqualTo(201);
        }
        assertPastBudget(register(TestUsers.registration(TestUsers.uniqueUsername("bop")), address), "registrations", 5,
                1800);
        assertThat(register(TestUsers.registration(TestUsers.uniqueUsername("bop")), address, OPERATOR).status())
                .isEqualTo(201);

        LoggedIn operated = TestUsers.create(api, "boperated");
        for (int i = 0; i < 3; i++) {
            assertThat(api.post("/api/posts", ApiClient.json(Map.of("content", "by an operator " + i)),
                    withOperator(operated.auth())).status()).isEqualTo(201);
        }
        // Nothing was spent: the user has no bucket of posts at all.
        assertThat(count("SELECT COUNT(*) FROM budget_buckets WHERE id = ?", "posts:user:" + operated.id())).isZero();
        assertThat(post(operated, "by the user").status()).isEqualTo(201);
        assertThat(count("SELECT COUNT(*) FROM budget_buckets WHERE id = ?", "posts:user:" + operated.id())).isOne();
        // A guessed token is nobody's.
        assertPastBudget(register(TestUsers.registration(TestUsers.uniqueUsername("bop")), address,
                "X-Operator-Token", "guess"), "registrations", 5, 1800);
    }

    private Response post(LoggedIn author, String content) {
        return api.post("/api/posts", ApiClient.json(Map.of("content", content)), author.auth());
    }

    private Response comment(LoggedIn author, long postId, String content) {
        return api.post("/api/posts/" + postId + "/comments", ApiClient.json(Map.of("content", content)), author.auth());
    }

    private Response edit(LoggedIn author, long postId, String content) {
        return api.send("PATCH", "/api/posts/" + postId, "application/json", ApiClient.json(Map.of("content", content)),
                author.auth());
    }

    private Response like(String method, LoggedIn who, long postId) {
        return api.send(method, "/api/posts/" + postId + "/like", null, null, who.auth());
    }

    private Response follow(String method, LoggedIn who, String username) {
        return api.send(method, "/api/users/" + username + "/follow", null, null, who.auth());
    }

    private Response register(Map<String, Object> body, String address, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "X-Forwarded-For";
        all[1] = address;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return api.post("/api/auth/register", ApiClient.json(body), all);
    }

    private static String[] withOperator(String[] auth) {
        return new String[] {auth[0], auth[1], OPERATOR[0], OPERATOR[1]};
    }

    private long count(String sql, Object parameter) {
        return jdbc.sql(sql).param(parameter).query(Long.class).single();
    }

    private void awaitEmptyOutbox() {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM outbox_events").query(Long.class).single() == 0);
    }

    /** Once the outbox is empty, exactly {@code expected} events of the user on the topic: no more will come. */
    private void assertEventsOf(LoggedIn user, String topic, long expected) {
        awaitEmptyOutbox();
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> eventsOf(user, topic) >= expected);
        assertThat(eventsOf(user, topic)).isEqualTo(expected);
    }

    private long eventsOf(LoggedIn user, String topic) {
        return kafka.matching(m -> m.topic().equals(topic) && m.json().get("userId").asLong() == user.id()).size();
    }
}
