package io.bsocial.web.report;

import static io.bsocial.web.support.ProblemAssertions.assertPastBudget;
import static io.bsocial.web.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.bsocial.shared.events.EventTopics;
import io.bsocial.web.WebIntegrationTest;
import io.bsocial.web.support.ApiClient;
import io.bsocial.web.support.ApiClient.Response;
import io.bsocial.web.support.KafkaRecorder;
import io.bsocial.web.support.TestUsers;
import io.bsocial.web.support.TestUsers.LoggedIn;
import tools.jackson.databind.JsonNode;

/**
 * Reports and moderation through the real API: every answer of {@code POST /api/reports} (201,
 * idempotent, 400, 404, 429), the moderator role given by the operator endpoint the launcher calls
 * and enforced by the security matchers on every spelling of the paths, the three actions and what
 * they change (the post gone with its event, the account suspended: logged out, refused at login,
 * hidden everywhere; unsuspended again), and two moderators acting on one report at once.
 */
@WebIntegrationTest
class ReportApiTest {

    @RegisterExtension
    static final KafkaRecorder kafka = KafkaRecorder.ofEmbeddedBroker();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    LoggedIn ada;
    LoggedIn bob;
    LoggedIn cyd;

    @BeforeEach
    void people() {
        api = new ApiClient(port);
        ada = TestUsers.create(api, "rpada");
        bob = TestUsers.create(api, "rpbob");
        cyd = TestUsers.create(api, "rpcyd");
    }

    @Test
    void aReportOfAPostACommentOrAnAccountIsCreatedOnceAndAnsweredAgainWhileOpen() {
        TestUsers.follow(api, ada, bob);
        long post = TestUsers.post(api, bob, "Buy cheap watches");
        long comment = TestUsers.comment(api, bob, post, "really cheap");

        Response first = report(ada, Map.of("postId", post, "reason", "  spam  "));
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        JsonNode created = first.json();
        assertThat(created.get("id").asLong()).isPositive();
        assertThat(created.get("target").get("type").asString()).isEqualTo("post");
        assertThat(created.get("target").get("id").asLong()).isEqualTo(post);
        assertThat(created.get("reason").asString()).isEqualTo("spam");
        assertThat(created.get("createdAt").asString()).isNotBlank();

        Response again = report(ada, Map.of("postId", post, "reason", "still spam"));
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("id").asLong()).isEqualTo(created.get("id").asLong());
        assertThat(again.json().get("reason").asString()).isEqualTo("spam");
        assertThat(openReportsOf(1, post)).isEqualTo(1);

        Response ofComment = report(ada, Map.of("commentId", comment, "reason", "spam too"));
        assertThat(ofComment.status()).isEqualTo(201);
        assertThat(ofComment.json().get("target").get("type").asString()).isEqualTo("comment");
        assertThat(ofComment.json().get("target").get("postId").asLong()).isEqualTo(post);

        Response ofAccount = report(cyd, Map.of("username", bob.username().toUpperCase(), "reason", "spammer"));
        assertThat(ofAccount.status()).isEqualTo(201);
        assertThat(ofAccount.json().get("target").get("username").asString()).isEqualTo(bob.username());
    }

    /** One reporter sending the same report from eight tabs at once: one report, every answer its own. */
    @Test
    void theSameReportSentEightTimesAtOnceIsStoredOnce() throws Exception {
        TestUsers.follow(api, ada, bob);
        long post = TestUsers.post(api, bob, "Reported from many tabs");
        CyclicBarrier start = new CyclicBarrier(8);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return report(ada, Map.of("postId", post, "reason", "spam"));
                }));
            }
            java.util.Set<Long> ids = new java.util.HashSet<>();
            for (Future<Response> answer : answers) {
                Response response = answer.get(60, TimeUnit.SECONDS);
                assertThat(response.status()).as(response.body()).isEqualTo(201);
                ids.add(response.json().get("id").asLong());
            }
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(openReportsOf(1, post)).isEqualTo(1);
    }

    @Test
    void badReportsAre400AndUnseenTargets404AndNothingIsStored() {
        long bobsPost = TestUsers.post(api, bob, "Bob writes");
        long adasPost = TestUsers.post(api, ada, "Ada writes");
        long adasComment = TestUsers.comment(api, ada, adasPost, "Ada answers");
        // Missing, blank, invisible-only, too long, control characters, ambiguous, no target, wrong types.
        List<Map<String, Object>> bad = new ArrayList<>();
        bad.add(Map.of("username", bob.username()));
        bad.add(Map.of("username", bob.username(), "reason", "   "));
        bad.add(Map.of("username", bob.username(), "reason", "\u200B\u200B"));
        bad.add(Map.of("username", bob.username(), "reason", "x".repeat(501)));
        bad.add(Map.of("username", bob.username(), "reason", "bad\u0007bell"));
        bad.add(Map.of("username", bob.username(), "postId", bobsPost, "reason", "two targets"));
        bad.add(Map.of("reason", "no target"));
        // Oneself, one's own post and comment.
        bad.add(Map.of("username", ada.username(), "reason", "me"));
        bad.add(Map.of("postId", adasPost, "reason", "mine"));
        bad.add(Map.of("commentId", adasComment, "reason", "mine"));
        for (Map<String, Object> body : bad) {
            assertProblem(report(ada, body), 400);
        }
        assertProblem(api.post("/api/reports", "{\"postId\":\"abc\",\"reason\":\"x\"}", ada.auth()), 400);
        assertProblem(api.post("/api/reports", "{\"postId\":1,", ada.auth()), 400);
        assertProblem(api.post("/api/reports", "", ada.auth()), 400);
        assertThat(report(ada, Map.of("username", bob.username(), "reason", "x".repeat(500))).status()).isEqualTo(201);

        // Unknown, or not visible: a post of someone not followed, a block, a suspended account.
        assertProblem(report(ada, Map.of("postId", Long.MAX_VALUE, "reason", "gone")), 404);
        assertProblem(report(ada, Map.of("commentId", Long.MAX_VALUE, "reason", "gone")), 404);
        assertProblem(report(ada, Map.of("username", "nobody_" + ada.id(), "reason", "gone")), 404);
        assertProblem(report(ada, Map.of("postId", bobsPost, "reason", "unseen")), 404);
        TestUsers.follow(api, cyd, ada);
        assertThat(api.send("PUT", "/api/users/" + cyd.username() + "/block", null, null, ada.auth()).status())
                .isEqualTo(204);
        assertProblem(report(cyd, Map.of("postId", adasPost, "reason", "blocked")), 404);
        assertProblem(report(cyd, Map.of("commentId", adasComment, "reason", "blocked")), 404);
        assertProblem(api.post("/api/reports", ApiClient.json(Map.of("username", bob.username(), "reason", "x"))), 401);

        assertThat(jdbc.sql("SELECT COUNT(*) FROM reports WHERE reporter_id IN (?, ?)").param(ada.id()).param(cyd.id())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theHundredAndFirstReportOfADayIs429AndStoresNothing() {
        for (int i = 0; i < 100; i++) {
            Response ok = report(ada, Map.of("username", bob.username(), "reason", "report " + i));
            assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        }
        assertPastBudget(report(ada, Map.of("username", cyd.username(), "reason", "one more")), "reports", 100, 86_400);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM reports WHERE reporter_id = ?").param(ada.id())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void onlyModeratorsReachTheModerationApiAndPageOnEverySpelling() {
        LoggedIn mod = moderator("rpmod");
        List<String> apiPaths = List.of("/api/moderation/reports", "/api/moderation/reports/", "/api/%6Doderation/reports",
                "/api/moderation/%72eports", "/api/moderation", "/api/MODERATION/reports");
        for (String path : apiPaths) {
            Response refused = api.get(path, ada.auth());
            assertThat(refused.status()).as(path).isIn(403, 404);
            if (path.contains("moderation")) { // /api/MODERATION is no route (404), never an answer
                assertThat(refused.status()).as(path).isEqualTo(403);
            }
        }
        for (String path : List.of("/moderation", "/moderation/", "/%6Doderation", "/moderation/reports",
                "/moderation/%72eports")) {
            Response refused = api.get(path, ada.auth());
            assertThat(refused.status()).as(path).isEqualTo(403);
            assertThat(refused.body()).doesNotContain("moderation-page");
        }
        assertProblem(api.send("POST", "/api/moderation/reports/1/dismiss", null, null, ada.auth()), 403);
        assertThat(api.get("/api/moderation/reports").status()).isEqualTo(401);

        assertThat(api.get("/api/moderation/reports", mod.auth()).status()).isEqualTo(200);
        Response page = api.get("/moderation", mod.auth());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("moderation-page");

        // Taking the role back ends the moderator's sessions; a new login has no role.
        assertThat(api.send("DELETE", "/actuator/moderators/" + mod.username(), null, null).status()).isEqualTo(200);
        assertThat(api.get("/api/moderation/reports", mod.auth()).status()).isEqualTo(401);
        LoggedIn again = login(mod.username(), mod.id());
        assertProblem(api.get("/api/moderation/reports", again.auth()), 403);
        assertThat(api.send("POST", "/actuator/moderators/nobody_" + ada.id(), null, null).status()).isEqualTo(404);
    }

    @Test
    void theOpenReportsArePagedOldestFirstWithTheirContentAndReporter() {
        LoggedIn mod = moderator("rpmod");
        TestUsers.follow(api, ada, bob);
        long post = TestUsers.post(api, bob, "<script>alert(1)</script> spam");
        report(ada, Map.of("postId", post, "reason", "script <b>"));
        report(cyd, Map.of("username", bob.username(), "reason", "whole account"));
        List<Long> seen = new ArrayList<>();
        String cursor = null;
        JsonNode ours = null;
        do {
            Response page = api.get("/api/moderation/reports?limit=1" + (cursor == null ? "" : "&cursor=" + cursor),
                    mod.auth());
            assertThat(page.status()).isEqualTo(200);
            for (JsonNode item : page.json().get("items")) {
                seen.add(item.get("id").asLong());
                if (item.get("target").get("type").asString().equals("post") && item.get("target").get("id").asLong() == post) {
                    ours = item;
                }
            }
            cursor = page.json().get("nextCursor").isNull() ? null : page.json().get("nextCursor").asString();
        } while (cursor != null);
        assertThat(seen).doesNotHaveDuplicates();
        assertThat(ours).isNotNull();
        assertThat(ours.get("content").asString()).isEqualTo("<script>alert(1)</script> spam");
        assertThat(ours.get("reporter").asString()).isEqualTo(ada.username());
        assertThat(ours.get("author").get("username").asString()).isEqualTo(bob.username());
        Response html = api.get("/moderation", mod.auth());
        assertThat(html.body()).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("script &lt;b&gt;");
        assertProblem(api.get("/api/moderation/reports?cursor=nonsense", mod.auth()), 400);
    }

    @Test
    void deletingTheContentRemovesItAsItsAuthorWouldAndClosesEveryReportOfIt() {
        LoggedIn mod = moderator("rpmod");
        TestUsers.follow(api, ada, bob);
        TestUsers.follow(api, cyd, bob);
        long post = TestUsers.post(api, bob, "offending post");
        long comment = TestUsers.comment(api, cyd, post, "offending comment");
        long byAda = report(ada, Map.of("postId", post, "reason", "bad")).json().get("id").asLong();
        report(cyd, Map.of("postId", post, "reason", "bad too"));
        long ofComment = report(ada, Map.of("commentId", comment, "reason", "bad comment")).json().get("id").asLong();
        long ofAccount = report(ada, Map.of("username", bob.username(), "reason", "bad account")).json().get("id").asLong();

        Response deleted = api.send("POST", "/api/moderation/reports/" + byAda + "/delete-content", null, null, mod.auth());
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
        assertThat(deleted.json().get("closedReports").asInt()).isEqualTo(2);
        assertProblem(api.get("/api/posts/" + post, ada.auth()), 404);
        assertProblem(api.get("/api/posts/" + post, bob.auth()), 404);
        kafka.awaitOne(EventTopics.POST_DELETED, e -> e.get("postId").asLong() == post);
        assertThat(openReportsOf(1, post)).isZero();
        // Its comment went with it: the comment's report stays open, showing content that no longer exists.
        assertThat(openReportsOf(2, comment)).isEqualTo(1);
        assertProblem(api.send("POST", "/api/moderation/reports/" + byAda + "/dismiss", null, null, mod.auth()), 409);
        assertProblem(api.send("POST", "/api/moderation/reports/" + ofAccount + "/delete-content", null, null,
                mod.auth()), 400);
        assertProblem(api.send("POST", "/api/moderation/reports/" + Long.MAX_VALUE + "/dismiss", null, null,
                mod.auth()), 404);
        Response dismissed = api.send("POST", "/api/moderation/reports/" + ofComment + "/dismiss", null, null, mod.auth());
        assertThat(dismissed.status()).isEqualTo(200);
        assertThat(openReportsOf(2, comment)).isZero();
        // A dismissed report can be made again, and opens again.
        long post2 = TestUsers.post(api, bob, "another");
        long first = report(ada, Map.of("postId", post2, "reason", "one")).json().get("id").asLong();
        assertThat(api.send("POST", "/api/moderation/reports/" + first + "/dismiss", null, null, mod.auth()).status())
                .isEqualTo(200);
        assertThat(api.get("/api/posts/" + post2, ada.auth()).status()).isEqualTo(200);
        Response reopened = report(ada, Map.of("postId", post2, "reason", "two"));
        assertThat(reopened.json().get("id").asLong()).isEqualTo(first);
        assertThat(reopened.json().get("reason").asString()).isEqualTo("two");
        assertThat(openReportsOf(1, post2)).isEqualTo(1);
    }

    @Test
    void deletingAReportedCommentKeepsThePostsCountRight() {
        LoggedIn mod = moderator("rpmod");
        TestUsers.follow(api, ada, bob);
        long post = TestUsers.post(api, bob, "a post");
        long comment = TestUsers.comment(api, bob, post, "a bad comment");
        long report = report(ada, Map.of("commentId", comment, "reason", "bad")).json().get("id").asLong();
        assertThat(api.send("POST", "/api/moderation/reports/" + report + "/delete-content", null, null, mod.auth())
                .status()).isEqualTo(200);
        assertThat(api.get("/api/posts/" + post, ada.auth()).json().get("commentCount").asInt()).isZero();
        assertThat(api.get("/api/posts/" + post + "/comments", ada.auth()).json().get("items")).isEmpty();
        kafka.awaitOne(EventTopics.COMMENT_DELETED, e -> e.get("commentId").asLong() == comment);
    }

    @Test
    void aSuspendedAccountIsLoggedOutRefusedAtLoginAndHiddenFromEveryoneUntilUnsuspended() {
        LoggedIn mod = moderator("rpmod");
        String tag = "rptag" + bob.id();
        TestUsers.follow(api, ada, bob);
        TestUsers.follow(api, bob, ada);
        long post = TestUsers.post(api, bob, "Bob's #" + tag);
        long adasPost = TestUsers.post(api, ada, "Ada's post");
        long comment = TestUsers.comment(api, bob, adasPost, "Bob's comment");
        long report = report(ada, Map.of("postId", post, "reason", "abuse")).json().get("id").asLong();
        report(cyd, Map.of("username", bob.username(), "reason", "abuse"));

        Response suspended = api.send("POST", "/api/moderation/reports/" + report + "/suspend", null, null, mod.auth());
        assertThat(suspended.status()).as(suspended.body()).isEqualTo(200);
        assertThat(suspended.json().get("closedReports").asInt()).isEqualTo(2);

        // Logged out (the token is a session), and refused at the API's login and the form.
        assertProblem(api.get("/api/me", bob.auth()), 401);
        assertThat(api.post("/api/auth/login", ApiClient.json(Map.of("login", bob.username(),
                "password", TestUsers.PASSWORD))).status()).isEqualTo(401);
        // Hidden: post, comment, feed, profile, tag, search.
        assertProblem(api.get("/api/posts/" + post, ada.auth()), 404);
        assertThat(ids(api.get("/api/feed", ada.auth()))).doesNotContain(post).contains(adasPost);
        assertThat(ids(api.get("/api/posts/" + adasPost + "/comments", ada.auth()))).doesNotContain(comment);
        assertProblem(api.get("/api/users/" + bob.username(), ada.auth()), 404);
        assertThat(ids(api.get("/api/tags/" + tag + "/posts", ada.auth()))).isEmpty();
        assertProblem(report(ada, Map.of("username", bob.username(), "reason", "again")), 404);
        assertProblem(api.send("PUT", "/api/users/" + bob.username() + "/follow", null, null, cyd.auth()), 404);

        // Unsuspended: logs in again and is seen again.
        assertThat(api.send("DELETE", "/api/moderation/suspensions/" + bob.username(), null, null, mod.auth()).status())
                .isEqualTo(204);
        LoggedIn back = login(bob.username(), bob.id());
        assertThat(api.get("/api/me", back.auth()).status()).isEqualTo(200);
        assertThat(api.get("/api/posts/" + post, ada.auth()).status()).isEqualTo(200);
        assertThat(api.get("/api/users/" + bob.username(), ada.auth()).status()).isEqualTo(200);
        // Suspending by name, and the bad cases.
        assertThat(api.send("PUT", "/api/moderation/suspensions/" + bob.username(), null, null, mod.auth()).status())
                .isEqualTo(200);
        assertProblem(api.get("/api/me", back.auth()), 401);
        assertProblem(api.send("PUT", "/api/moderation/suspensions/" + mod.username(), null, null, mod.auth()), 400);
        assertProblem(api.send("PUT", "/api/moderation/suspensions/nobody_" + ada.id(), null, null, mod.auth()), 404);
        assertProblem(api.send("PUT", "/api/moderation/suspensions/" + cyd.username(), null, null, ada.auth()), 403);
    }

    @Test
    void twoModeratorsActingOnOneReportAtOnceTakeTurns() throws Exception {
        LoggedIn one = moderator("rpmoa");
        LoggedIn two = moderator("rpmob");
        TestUsers.follow(api, ada, bob);
        TestUsers.follow(api, cyd, bob);
        int rounds = 4;
        for (int round = 0; round < rounds; round++) {
            long post = TestUsers.post(api, bob, "round " + round);
            long first = report(ada, Map.of("postId", post, "reason", "r")).json().get("id").asLong();
            long second = report(cyd, Map.of("postId", post, "reason", "r")).json().get("id").asLong();
            String[] actions = {"delete-content", "dismiss", "delete-content", "dismiss"};
            CyclicBarrier start = new CyclicBarrier(8);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                LoggedIn who = i % 2 == 0 ? one : two;
                long id = i < 4 ? first : second;
                String action = actions[(i + round) % 4];
                answers.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return api.send("POST", "/api/moderation/reports/" + id + "/" + action, null, null, who.auth());
                }));
            }
            Map<Integer, Integer> statuses = new HashMap<>();
            for (Future<Response> answer : answers) {
                Response response = answer.get(60, TimeUnit.SECONDS);
                statuses.merge(response.status(), 1, Integer::sum);
                if (response.status() != 200) {
                    assertProblem(response, 409);
                }
            }
            pool.shutdown();
            assertThat(statuses.get(200)).as("round %d: %s", round, statuses).isEqualTo(1);
            assertThat(statuses.get(409)).isEqualTo(7);
            assertThat(openReportsOf(1, post)).isZero();
            assertThat(jdbc.sql("SELECT COUNT(DISTINCT resolution) FROM reports WHERE target_kind = 1 AND target_id = ?")
                    .param(post).query(Long.class).single()).isEqualTo(1);
        }
    }

    private LoggedIn moderator(String prefix) {
        LoggedIn user = TestUsers.create(api, prefix);
        Response granted = api.send("POST", "/actuator/moderators/" + user.username(), null, null);
        assertThat(granted.status()).as(granted.body()).isEqualTo(200);
        assertThat(api.get("/actuator/moderators").body()).contains(user.username());
        return login(user.username(), user.id());
    }

    private LoggedIn login(String username, long id) {
        Response login = api.post("/api/auth/login", ApiClient.json(Map.of("login", username,
                "password", TestUsers.PASSWORD)));
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        return new LoggedIn(id, username, login.json().get("token").asString());
    }

    private Response report(LoggedIn who, Map<String, ?> body) {
        return api.post("/api/reports", ApiClient.json(body), who.auth());
    }

    private long openReportsOf(int kind, long target) {
        return jdbc.sql("SELECT COUNT(*) FROM reports WHERE target_kind = ? AND target_id = ? AND closed_at IS NULL")
                .param(kind).param(target).query(Long.class).single();
    }

    private static List<Long> ids(Response page) {
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        page.json().get("items").forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }
}
