package io.bsocial.web.erasure;

import static io.bsocial.web.support.ProblemAssertions.assertProblem;
import static io.bsocial.web.support.ProblemAssertions.fields;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import io.bsocial.web.WebIntegrationTest;
import io.bsocial.web.support.ApiClient;
import io.bsocial.web.support.ApiClient.Response;
import io.bsocial.web.support.KafkaRecorder;
import io.bsocial.web.support.TestUsers;
import io.bsocial.web.support.TestUsers.LoggedIn;

/**
 * {@code DELETE /api/me}: 204 and the account is gone from every table (only its reservation row
 * keeps its id and username), its sessions and tokens end everywhere, others' counters and feeds
 * stay right, the username is never given again; 403 for a wrong password, throttled like a login;
 * 400 without a body. On H2 and PostgreSQL.
 */
@WebIntegrationTest
@TestPropertySource(properties = {
        "bsocial.login-throttle.max-failures-per-client=3",
        "bsocial.login-throttle.max-failures-per-account=5",
        "bsocial.login-throttle.max-failures-per-device=2"})
class AccountDeletionApiTest {

    @RegisterExtension
    static final KafkaRecorder kafka = KafkaRecorder.ofEmbeddedBroker();

    /** Columns that hold ids of other things than users (the rest of the *_id columns may name a user). */
    private static final Set<String> NOT_USER_IDS = Set.of("post_id", "comment_id", "parent_id", "event_id",
            "session_id", "primary_id", "session_primary_id", "horizon_post_id");

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
    void withoutABodyOrAPasswordIs400AndChangesNothing() {
        LoggedIn me = TestUsers.create(api, "del400");
        assertProblem(api.send("DELETE", "/api/me", null, null, me.auth()), 400);
        Response empty = api.send("DELETE", "/api/me", "application/json", "{}", me.auth());
        assertProblem(empty, 400);
        assertThat(fields(empty)).containsExactly("password");
        assertProblem(api.send("DELETE", "/api/me", "application/json", "{\"password\": 12345678}", me.auth()), 400);
        assertProblem(api.send("DELETE", "/api/me", "application/json", "{\"password\":", me.auth()), 400);
        assertProblem(api.send("DELETE", "/api/me", "application/json", ApiClient.json(Map.of("password", "x"))), 401);
        assertThat(api.get("/api/me", me.auth()).status()).isEqualTo(200);
    }

    @Test
    void aWrongPasswordIs403AndThrottledLikeALogin() {
        LoggedIn me = TestUsers.create(api, "del403");
        String client = TestUsers.clientAddress();
        for (int i = 0; i < 3; i++) {
            Response wrong = delete(me, "guess " + i, client);
            assertProblem(wrong, 403);
            assertThat(wrong.json().get("errors").get(0).get("field").asString()).isEqualTo("password");
        }
        Response throttled = delete(me, TestUsers.PASSWORD, client);
        assertProblem(throttled, 429);
        assertThat(Long.parseLong(throttled.header("Retry-After"))).isBetween(1L, 300L);
        // The same throttle as the login's: this client's logins wait too.
        assertProblem(api.post("/api/auth/login", ApiClient.json(Map.of("login", me.username(), "password",
                TestUsers.PASSWORD)), "X-Forwarded-For", client), 429);
        assertThat(api.get("/api/me", me.auth()).status()).as("nothing deleted").isEqualTo(200);
        assertThat(count("SELECT COUNT(*) FROM users WHERE id = ?", me.id())).isEqualTo(1);
    }

    @Test
    void everythingOfTheAccountGoesAndOthersStayRight() {
        LoggedIn me = TestUsers.create(api, "leaver");
        LoggedIn friend = TestUsers.create(api, "friend");
        LoggedIn fan = TestUsers.create(api, "fan");
        LoggedIn other = TestUsers.create(api, "other");
        String email = (me.username() + "@example.com").toLowerCase(Locale.ROOT);
        String otherDevice = login(me.username());

        // What the account did and what was done to it.
        TestUsers.follow(api, me, friend);
        TestUsers.follow(api, fan, me);
        TestUsers.follow(api, friend, me);
        TestUsers.follow(api, fan, friend);
        long friendFollowersBefore = followers(friend);
        long myPost = TestUsers.post(api, me, "my #farewell post for @" + friend.username());
        long myOtherPost = TestUsers.post(api, me, "and another");
        TestUsers.comment(api, friend, myPost, "friend on my post");
        long friendsPost = TestUsers.post(api, friend, "the friend's post, hello @" + me.username());
        long friendsComment = TestUsers.comment(api, friend, friendsPost, "the friend's own comment");
        long myComment = TestUsers.comment(api, me, friendsPost, "my comment on the friend's post");
        Response reply = api.post("/api/posts/" + friendsPost + "/comments",
                ApiClient.json(Map.of("content", "fan replies to me", "parentId", myComment)), fan.auth());
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        Response replyToFriend = api.post("/api/posts/" + friendsPost + "/comments",
                ApiClient.json(Map.of("content", "I reply to the friend", "parentId", friendsComment)), me.auth());
        assertThat(replyToFriend.status()).as(replyToFriend.body()).isEqualTo(201);
        Response otherAnswersMe = api.post("/api/posts/" + friendsPost + "/comments",
                ApiClient.json(Map.of("content", "other answers my reply", "parentId",
                        replyToFriend.json().get("id").asLong())), fan.auth());
        assertThat(otherAnswersMe.status()).as(otherAnswersMe.body()).isEqualTo(201);
        assertThat(api.send("PUT", "/api/posts/" + friendsPost + "/like", null, null, me.auth()).status()).isEqualTo(200);
        assertThat(api.send("PUT", "/api/posts/" + friendsPost + "/comments/" + friendsComment + "/like", null, null,
                me.auth()).status()).isEqualTo(200);
        assertThat(api.send("PUT", "/api/posts/" + myPost + "/like", null, null, friend.auth()).status()).isEqualTo(200);
        assertThat(api.send("PUT", "/api/users/" + other.username() + "/block", null, null, me.auth()).status())
                .isEqualTo(204);
        assertThat(api.send("PUT", "/api/users/" + me.username() + "/mute", null, null, friend.auth()).status())
                .isEqualTo(204);
        jdbc.sql("INSERT INTO avatars (user_id, version, content_type, image, updated_at) VALUES (?, 1, 'image/png', ?, CURRENT_TIMESTAMP)")
                .param(me.id()).param(new byte[] {1, 2, 3}).update();
        jdbc.sql("INSERT INTO password_resets (token_hash, account_id, expires_at) VALUES (?, ?, CURRENT_TIMESTAMP)")
                .param("f".repeat(64)).param(me.id()).update();
        assertThat(feedIds(fan)).contains(myPost, myOtherPost);
        assertThat(api.post("/api/me/password", "{}", me.auth()).status()).isEqualTo(400); // a budget row or two

        Response deleted = delete(me, TestUsers.PASSWORD, TestUsers.clientAddress());

        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
        // Logged out everywhere at once: this token, the other client's, and no login.
        assertProblem(api.get("/api/me", me.auth()), 401);
        assertProblem(api.get("/api/me", "X-Auth-Token", otherDevice), 401);
        assertProblem(api.post("/api/auth/login", ApiClient.json(Map.of("login", me.username(), "password",
                TestUsers.PASSWORD)), "X-Forwarded-For", TestUsers.clientAddress()), 401);
        assertThat(count("SELECT COUNT(*) FROM spring_session WHERE principal_name = ?", me.username())).isZero();

        // Others' counters: the like, the comments (mine, the fan's reply to mine), the follower.
        Response post = api.get("/api/posts/" + friendsPost, friend.auth());
        assertThat(post.json().get("likeCount").asInt()).isZero();
        assertThat(post.json().get("commentCount").asInt()).as("the friend's comment, and the fan's answer to my reply")
                .isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM comments WHERE post_id = ?", friendsPost)).isEqualTo(2);
        assertThat(count("SELECT like_count FROM comments WHERE id = ?", friendsComment)).isZero();
        assertThat(followers(friend)).isEqualTo(friendsFollowersMinusOne(friendFollowersBefore));
        assertThat(api.get("/api/users/" + friend.username() + "/followers", friend.auth()).body())
                .doesNotContain(me.username());
        // Followers' feeds no longer show its posts; the posts are gone for everyone.
        assertThat(feedIds(fan)).doesNotContain(myPost, myOtherPost);
        assertThat(feedIds(friend)).doesNotContain(myPost, myOtherPost);
        assertProblem(api.get("/api/posts/" + myPost, friend.auth()), 404);
        assertProblem(api.get("/api/users/" + me.username(), friend.auth()), 404);
        // What others wrote stays as they typed it.
        assertThat(post.json().get("content").asString()).contains("@" + me.username());

        // The username stays reserved, with registration's usual answer; the e-mail address is free.
        Map<String, Object> again = TestUsers.registration(me.username());
        Response taken = api.post("/api/auth/register", ApiClient.json(again), "X-Forwarded-For", TestUsers.clientAddress());
        assertProblem(taken, 409);
        assertThat(fields(taken)).containsExactly("username");
        Map<String, Object> sameUpperCase = TestUsers.registration(me.username().toUpperCase(Locale.ROOT));
        sameUpperCase.put("email", "someone.else." + me.username() + "@example.com");
        assertProblem(api.post("/api/auth/register", ApiClient.json(sameUpperCase), "X-Forwarded-For",
                TestUsers.clientAddress()), 409);

        // The e-mail is in no table; the id and the username only in the reservation row (and the
        // outbox's events, waiting to be published).
        assertThat(rowsNaming(me.id(), me.username(), email)).containsExactly("reserved_usernames");

        // user-deleted: id and username, never the e-mail.
        KafkaRecorder.Message event = kafka.awaitOne("bsocial.user-deleted", m -> m.get("userId").asLong() == me.id());
        assertThat(event.key()).isEqualTo(String.valueOf(me.id()));
        assertThat(event.json().get("username").asString()).isEqualTo(me.username());
        assertThat(event.value()).doesNotContain("email").doesNotContain(email);
        // Each of its posts is announced deleted, as its author would delete it.
        kafka.awaitOne("bsocial.post-deleted", m -> m.get("postId").asLong() == myOtherPost);
        kafka.awaitOne("bsocial.comment-deleted", m -> m.get("commentId").asLong() == myComment);

        // The e-mail address may be used again for a new account.
        Map<String, Object> fresh = TestUsers.registration(TestUsers.uniqueUsername("comeback"));
        fresh.put("email", email);
        assertThat(api.post("/api/auth/register", ApiClient.json(fresh), "X-Forwarded-For", TestUsers.clientAddress())
                .status()).isEqualTo(201);
    }

    /** Eight deletions of one account at once: it is deleted once, with one user-deleted. */
    @Test
    void concurrentDeletionsDeleteOnce() throws Exception {
        LoggedIn me = TestUsers.create(api, "racer");
        TestUsers.post(api, me, "one post");
        String client = TestUsers.clientAddress();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return delete(me, TestUsers.PASSWORD, client).status();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (var answer : answers) {
                statuses.add(answer.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            // 204: deleted (by this request or a concurrent one); 401: its session was already gone;
            // 429: the login throttle counts attempts in flight as failures until their check ends
            // (limit 3 per client here), as it does for logins; 503: no hashing slot free.
            assertThat(statuses).isSubsetOf(204, 401, 429, 503).contains(204);
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("SELECT COUNT(*) FROM users WHERE id = ?", me.id())).isZero();
        assertThat(count("SELECT COUNT(*) FROM reserved_usernames WHERE user_id = ?", me.id())).isEqualTo(1);
        kafka.awaitOne("bsocial.user-deleted", m -> m.get("userId").asLong() == me.id());
        assertThat(kafka.matching(m -> m.topic().equals("bsocial.user-deleted") && m.json().get("userId").asLong() == me.id()))
                .hasSize(1);
    }

    private static long friendsFollowersMinusOne(long before) {
        return before - 1;
    }

    /**
     * Every table with a row that names the account: a user-id column holding its id, or a text
     * column holding its e-mail or username (the outbox and Flyway's history aside).
     */
    private List<String> rowsNaming(long id, String username, String email) {
        List<Map<String, Object>> columns = jdbc.sql("""
                SELECT LOWER(table_name) AS t, LOWER(column_name) AS c, LOWER(data_type) AS d
                  FROM information_schema.columns WHERE table_schema = current_schema
                 ORDER BY t, c""").query().listOfRows();
        List<String> found = new ArrayList<>();
        for (Map<String, Object> column : columns) {
            String table = (String) column.get("t");
            String name = (String) column.get("c");
            String type = (String) column.get("d");
            if (table.startsWith("flyway") || table.equals("outbox_events") || found.contains(table)) {
                continue;
            }
            long hits = 0;
            if ((type.contains("bigint") || type.contains("integer")) && (name.endsWith("_id") || (name.equals("id")
                    && table.equals("users"))) && !NOT_USER_IDS.contains(name)) {
                hits = count("SELECT COUNT(*) FROM " + table + " WHERE " + name + " = ?", id);
            } else if (type.contains("char") || type.contains("text")) {
                hits = count("SELECT COUNT(*) FROM " + table + " WHERE LOWER(" + name + ") LIKE ? OR LOWER(" + name
                        + ") = ?", "%" + email + "%", username.toLowerCase(Locale.ROOT));
            }
            if (hits > 0) {
                found.add(table);
            }
        }
        return found;
    }

    private long count(String sql, Object... params) {
        var statement = jdbc.sql(sql);
        for (Object param : params) {
            statement = statement.param(param);
        }
        return statement.query(Long.class).single();
    }

    private long followers(LoggedIn user) {
        return api.get("/api/users/" + user.username(), user.auth()).json().get("followers").asLong();
    }

    private List<Long> feedIds(LoggedIn reader) {
        List<Long> ids = new ArrayList<>();
        api.get("/api/feed?limit=100", reader.auth()).json().get("items").forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }

    /** Logs in from another client; answers its token. */
    private String login(String username) {
        Response login = api.post("/api/auth/login", ApiClient.json(Map.of("login", username, "password",
                TestUsers.PASSWORD)), "X-Forwarded-For", TestUsers.clientAddress());
        assertThat(login.status()).isEqualTo(200);
        return login.json().get("token").asString();
    }

    private Response delete(LoggedIn me, String password, String client) {
        return api.send("DELETE", "/api/me", "application/json", ApiClient.json(Map.of("password", password)),
                "X-Auth-Token", me.token(), "X-Forwarded-For", client);
    }
}
