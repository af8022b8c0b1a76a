package io.bsocial.web.block;

import static io.bsocial.web.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
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
import io.bsocial.web.paging.Cursor;
import io.bsocial.web.paging.PageRequest;
import io.bsocial.web.post.Post;
import io.bsocial.web.post.Posts;
import io.bsocial.web.post.internal.FeedRepository;
import io.bsocial.web.support.ApiClient;
import io.bsocial.web.support.ApiClient.Response;
import io.bsocial.web.support.KafkaRecorder;
import io.bsocial.web.support.TestUsers;
import io.bsocial.web.support.TestUsers.LoggedIn;
import tools.jackson.databind.JsonNode;

/**
 * Blocks and mutes through the real API, against every path that shows content or names people:
 * the feed (its home timeline and the query without one), a post, a profile's posts, comment
 * lists, commenting, replying, liking, following, tag pages, suggestions, mentions (the JSON and
 * the events' {@code mentionedUserIds}), the lists, and a block racing follows.
 */
@WebIntegrationTest
class BlockAndMuteApiTest {

    @RegisterExtension
    static final KafkaRecorder kafka = KafkaRecorder.ofEmbeddedBroker();

    @LocalServerPort
    int port;

    @Autowired
    FeedRepository feedRepository;

    @Autowired
    Posts posts;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    LoggedIn ada;
    LoggedIn bob;
    LoggedIn cyd;

    @BeforeEach
    void people() {
        api = new ApiClient(port);
        ada = TestUsers.create(api, "blada");
        bob = TestUsers.create(api, "blbob");
        cyd = TestUsers.create(api, "blcyd");
    }

    @Test
    void aBlockEndsTheFollowsBothWaysAndHidesEachFromTheOtherEverywhere() {
        String tag = "blocktag" + ada.id();
        TestUsers.follow(api, ada, bob);
        TestUsers.follow(api, bob, ada);
        TestUsers.follow(api, ada, cyd);
        TestUsers.follow(api, bob, cyd);
        TestUsers.follow(api, cyd, ada);
        TestUsers.follow(api, cyd, bob);
        long bobsPost = TestUsers.post(api, bob, "Bob's #" + tag);
        long adasPost = TestUsers.post(api, ada, "Ada's #" + tag);
        long cydsPost = TestUsers.post(api, cyd, "Cyd asks");
        long bobsComment = TestUsers.comment(api, bob, cydsPost, "Bob answers");
        long adasComment = TestUsers.comment(api, ada, cydsPost, "Ada answers");
        assertThat(feedIds(ada)).contains(bobsPost);

        assertThat(block(ada, bob).status()).isEqualTo(204);
        assertThat(block(ada, bob).status()).isEqualTo(204);

        // Both follows are gone, with the counts.
        JsonNode bobSeenByAda = api.get("/api/users/" + bob.username(), ada.auth()).json();
        assertThat(bobSeenByAda.get("followedByMe").asBoolean()).isFalse();
        assertThat(bobSeenByAda.get("followers").asLong()).isEqualTo(1); // cyd
        assertThat(bobSeenByAda.get("following").asLong()).isEqualTo(1); // cyd
        assertThat(api.get("/api/users/" + ada.username(), cyd.auth()).json().get("following").asLong()).isEqualTo(1);
        assertThat(followerCount(bob)).isEqualTo(1);
        assertThat(followerCount(ada)).isEqualTo(1);
        // The feed (home timeline and the query without one), the post, the profile's posts.
        assertThat(feedIds(ada)).doesNotContain(bobsPost).contains(adasPost);
        assertThat(feedIds(bob)).doesNotContain(adasPost).contains(bobsPost);
        assertThat(feedWithoutTimeline(ada)).doesNotContain(bobsPost);
        assertThat(feedWithoutTimeline(bob)).doesNotContain(adasPost);
        assertProblem(api.get("/api/posts/" + bobsPost, ada.auth()), 404);
        assertProblem(api.get("/api/posts/" + adasPost, bob.auth()), 404);
        assertThat(posts.byAuthor(bob.id(), ada.id(), PageRequest.of(null, null, Cursor.NEWEST))).isEmpty();
        assertThat(posts.byAuthor(ada.id(), bob.id(), PageRequest.of(null, null, Cursor.NEWEST))).isEmpty();
        // Comments: a third person's post shows each only their own, the third person both.
        assertThat(commentIds(ada, cydsPost)).containsExactly(adasComment);
        assertThat(commentIds(bob, cydsPost)).containsExactly(bobsComment);
        assertThat(commentIds(cyd, cydsPost)).containsExactly(bobsComment, adasComment);
        assertThat(api.get("/api/posts/" + cydsPost, ada.auth()).json().get("commentCount").asInt()).isEqualTo(2);
        // Commenting, replying, liking: as for what one may not see.
        assertProblem(api.post("/api/posts/" + bobsPost + "/comments", ApiClient.json(Map.of("content", "hi")),
                ada.auth()), 404);
        assertProblem(api.post("/api/posts/" + adasPost + "/comments", ApiClient.json(Map.of("content", "hi")),
                bob.auth()), 404);
        Response replyToHidden = api.post("/api/posts/" + cydsPost + "/comments",
                ApiClient.json(Map.of("content", "hi", "parentId", bobsComment)), ada.auth());
        Response replyToNothing = api.post("/api/posts/" + cydsPost + "/comments",
                ApiClient.json(Map.of("content", "hi", "parentId", Long.MAX_VALUE)), ada.auth());
        assertProblem(replyToHidden, 400);
        assertThat(replyToHidden.json().get("errors")).isEqualTo(replyToNothing.json().get("errors"));
        assertProblem(api.send("PUT", "/api/posts/" + bobsPost + "/like", null, null, ada.auth()), 404);
        assertProblem(api.send("PUT", "/api/posts/" + adasPost + "/like", null, null, bob.auth()), 404);
        assertProblem(api.send("PUT", "/api/posts/" + cydsPost + "/comments/" + bobsComment + "/like", null, null,
                ada.auth()), 404);
        assertProblem(api.send("PUT", "/api/posts/" + cydsPost + "/comments/" + adasComment + "/like", null, null,
                bob.auth()), 404);
        // Following, either way.
        assertProblem(api.send("PUT", "/api/users/" + bob.username() + "/follow", null, null, ada.auth()), 404);
        assertProblem(api.send("PUT", "/api/users/" + ada.username() + "/follow", null, null, bob.auth()), 404);
        // Tag pages.
        assertThat(taggedIds(ada, tag)).containsExactly(adasPost);
        assertThat(taggedIds(bob, tag)).containsExactly(bobsPost);
        assertThat(taggedIds(cyd, tag)).containsExactly(adasPost, bobsPost);
        // Suggestions: cyd, whom ada follows, follows bob; still never suggested.
        assertThat(suggestedIds(ada)).doesNotContain(bob.id());
        assertThat(suggestedIds(bob)).doesNotContain(ada.id());
        // The lists.
        assertThat(listIds(ada, "/api/me/blocks")).containsExactly(bob.id());
        assertThat(listIds(bob, "/api/me/blocks")).isEmpty();
        // The events: the block, and each follow it ended as an unfollow of its follower.
        JsonNode blocked = kafka.awaitOne(EventTopics.USER_BLOCKED, e -> e.get("userId").asLong() == ada.id()).json();
        assertThat(blocked.get("blockedUserId").asLong()).isEqualTo(bob.id());
        assertThat(blocked.get("email").asString()).contains("@");
        assertThat(kafka.matching(m -> m.topic().equals(EventTopics.USER_BLOCKED)
                && m.json().get("userId").asLong() == ada.id())).hasSize(1);
        kafka.awaitOne(EventTopics.USER_UNFOLLOWED, e -> e.get("userId").asLong() == ada.id()
                && e.get("followedUserId").asLong() == bob.id());
        kafka.awaitOne(EventTopics.USER_UNFOLLOWED, e -> e.get("userId").asLong() == bob.id()
                && e.get("followedUserId").asLong() == ada.id());

        // Lifting it: idempotent, nothing restored, following works again.
        assertThat(unblock(ada, bob).status()).isEqualTo(204);
        assertThat(unblock(ada, bob).status()).isEqualTo(204);
        kafka.awaitOne(EventTopics.USER_UNBLOCKED, e -> e.get("userId").asLong() == ada.id()
                && e.get("blockedUserId").asLong() == bob.id());
        assertThat(listIds(ada, "/api/me/blocks")).isEmpty();
        assertThat(api.get("/api/users/" + bob.username(), ada.auth()).json().get("followedByMe").asBoolean()).isFalse();
        assertThat(commentIds(ada, cydsPost)).containsExactly(bobsComment, adasComment);
        TestUsers.follow(api, ada, bob);
        assertThat(feedIds(ada)).contains(bobsPost);
    }

    @Test
    void aMentionAcrossABlockStaysPlainTextAndNotifiesNobody() {
        TestUsers.follow(api, ada, cyd);
        TestUsers.follow(api, bob, cyd);
        TestUsers.follow(api, cyd, ada);
        TestUsers.follow(api, cyd, bob);
        long cydsPost = TestUsers.post(api, cyd, "Cyd asks");
        assertThat(block(bob, ada).status()).isEqualTo(204);

        // A post of Ada's naming Bob (who blocked her) and Cyd: only Cyd is a mention.
        JsonNode post = api.post("/api/posts", ApiClient.json(Map.of("content",
                "Hi @" + bob.username() + " and @" + cyd.username())), ada.auth()).json();
        long postId = post.get("id").asLong();
        assertThat(post.get("mentions")).extracting(user -> user.get("id").asLong()).containsExactly(cyd.id());
        JsonNode created = kafka.awaitOne(EventTopics.POST_CREATED, e -> e.get("postId").asLong() == postId).json();
        assertThat(created.get("mentionedUserIds")).extracting(JsonNode::asLong).containsExactly(cyd.id());
        assertThat(api.get("/api/posts/" + postId, cyd.auth()).json().get("mentions"))
                .extracting(user -> user.get("id").asLong()).containsExactly(cyd.id());

        // A comment of Bob's on Cyd's post naming Ada (whom he blocked): the same.
        JsonNode comment = api.post("/api/posts/" + cydsPost + "/comments", ApiClient.json(Map.of("content",
                "Ask @" + ada.username() + " or @" + cyd.username())), bob.auth()).json();
        long commentId = comment.get("id").asLong();
        assertThat(comment.get("mentions")).extracting(user -> user.get("id").asLong()).containsExactly(cyd.id());
        JsonNode commented = kafka.awaitOne(EventTopics.COMMENT_CREATED,
                e -> e.get("commentId").asLong() == commentId).json();
        // Cyd wrote the post and may see it: named; Ada, blocked by the commenter, not.
        assertThat(commented.get("mentionedUserIds")).extracting(JsonNode::asLong).containsExactly(cyd.id());
        JsonNode listed = api.get("/api/posts/" + cydsPost + "/comments", cyd.auth()).json().get("items").get(0);
        assertThat(listed.get("mentions")).extracting(user -> user.get("id").asLong()).containsExactly(cyd.id());
    }

    @Test
    void aMuteTakesThePostsOutOfTheFeedOnlyAndSilencesMentions() {
        TestUsers.follow(api, ada, bob);
        TestUsers.follow(api, bob, ada);
        long before = TestUsers.post(api, bob, "Before the mute");

        assertThat(mute(ada, bob).status()).isEqualTo(204);
        assertThat(mute(ada, bob).status()).isEqualTo(204);
        long after = TestUsers.post(api, bob, "After the mute");

        assertThat(feedIds(ada)).doesNotContain(before, after);
        assertThat(feedWithoutTimeline(ada)).doesNotContain(before, after);
        // Still followed, still visible: the post, the profile, the follow.
        assertThat(api.get("/api/posts/" + after, ada.auth()).status()).isEqualTo(200);
        assertThat(posts.byAuthor(bob.id(), ada.id(), PageRequest.of(null, null, Cursor.NEWEST)))
                .extracting(Post::id).containsExactly(after, before);
        assertThat(api.get("/api/users/" + bob.username(), ada.auth()).json().get("followedByMe").asBoolean()).isTrue();
        // The muted person is told nothing, and still sees the muter.
        assertThat(listIds(bob, "/api/me/mutes")).isEmpty();
        long adas = TestUsers.post(api, ada, "Ada, muting quietly");
        assertThat(feedIds(bob)).contains(adas);
        // Bob's mention of Ada is shown, and notifies her no more.
        JsonNode mention = api.post("/api/posts", ApiClient.json(Map.of("content", "Hey @" + ada.username())),
                bob.auth()).json();
        long mentionId = mention.get("id").asLong();
        assertThat(mention.get("mentions")).extracting(user -> user.get("id").asLong()).containsExactly(ada.id());
        JsonNode created = kafka.awaitOne(EventTopics.POST_CREATED, e -> e.get("postId").asLong() == mentionId).json();
        assertThat(created.get("mentionedUserIds")).isEmpty();

        assertThat(listIds(ada, "/api/me/mutes")).containsExactly(bob.id());
        JsonNode muted = kafka.awaitOne(EventTopics.USER_MUTED, e -> e.get("userId").asLong() == ada.id()).json();
        assertThat(muted.get("mutedUserId").asLong()).isEqualTo(bob.id());

        assertThat(unmute(ada, bob).status()).isEqualTo(204);
        assertThat(unmute(ada, bob).status()).isEqualTo(204);
        kafka.awaitOne(EventTopics.USER_UNMUTED, e -> e.get("userId").asLong() == ada.id()
                && e.get("mutedUserId").asLong() == bob.id());
        assertThat(feedIds(ada)).contains(before, after, mentionId);
        assertThat(feedWithoutTimeline(ada)).contains(before, after, mentionId);
    }

    @Test
    void selfUnknownAndAnonymousAreRefused() {
        for (String what : List.of("block", "mute")) {
            assertProblem(api.send("PUT", "/api/users/" + ada.username() + "/" + what, null, null, ada.auth()), 400);
            assertProblem(api.send("DELETE", "/api/users/" + ada.username() + "/" + what, null, null, ada.auth()), 400);
            assertProblem(api.send("PUT", "/api/users/no_such_" + ada.username() + "/" + what, null, null,
                    ada.auth()), 404);
            assertProblem(api.send("DELETE", "/api/users/no_such_" + ada.username() + "/" + what, null, null,
                    ada.auth()), 404);
            assertProblem(api.send("PUT", "/api/users/" + bob.username() + "/" + what, null, null), 401);
            assertThat(api.send("PUT", "/api/users/" + bob.username().toUpperCase() + "/" + what, null, null,
                    ada.auth()).status()).isEqualTo(204);
        }
        assertProblem(api.get("/api/me/blocks"), 401);
        assertProblem(api.get("/api/me/mutes?limit=0", ada.auth()), 400);
        assertProblem(api.get("/api/me/blocks?cursor=nonsense", ada.auth()), 400);
    }

    @Test
    void theListsAreKeysetPagesNewestFirst() {
        block(ada, bob);
        block(ada, cyd);
        mute(ada, cyd);
        Response first = api.get("/api/me/blocks?limit=1", ada.auth());
        assertThat(first.json().get("items")).extracting(p -> p.get("id").asLong()).containsExactly(cyd.id());
        assertThat(first.json().get("items").get(0).propertyNames()).containsExactlyInAnyOrder("id", "username",
                "firstName", "lastName", "bio", "avatarUrl", "followers", "following", "followedByMe");
        String next = first.json().get("nextCursor").asString();
        assertThat(first.header("Link")).contains("rel=\"next\"");
        Response second = api.get("/api/me/blocks?limit=1&cursor=" + next, ada.auth());
        assertThat(second.json().get("items")).extracting(p -> p.get("id").asLong()).containsExactly(bob.id());
        assertThat(second.json().get("nextCursor").isNull()).isTrue();
        assertThat(listIds(ada, "/api/me/mutes")).containsExactly(cyd.id());
    }

    /**
     * Ada blocks and unblocks Bob on four threads while Bob follows and unfollows her on four: at
     * the end no follow crosses a block, the follower counts match the follows, and the home
     * timelines hold no post of someone their owner does not follow.
     */
    @Test
    void blocksRacingFollowsEndConsistent() throws Exception {
        long adas = TestUsers.post(api, ada, "Ada, racing");
        TestUsers.post(api, bob, "Bob, racing");
        int threads = 8;
        int rounds = 10;
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<Integer>>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            boolean blocker = t % 2 == 0;
            results.add(pool.submit(() -> {
                List<Integer> statuses = new ArrayList<>();
                start.await();
                for (int i = 0; i < rounds; i++) {
                    if (blocker) {
                        statuses.add(block(ada, bob).status());
                        statuses.add(unblock(ada, bob).status());
                    } else {
                        statuses.add(follow(bob, ada).status());
                        statuses.add(api.send("DELETE", "/api/users/" + ada.username() + "/follow", null, null,
                                bob.auth()).status());
                        statuses.add(follow(bob, ada).status());
                    }
                }
                return statuses;
            }));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(120, TimeUnit.SECONDS)).isTrue();
        for (Future<List<Integer>> result : results) {
            assertThat(result.get()).allMatch(status -> status == 204 || status == 404);
        }
        assertConsistent();

        // A last block, alone, ends the follow that may remain; a follow after it is refused.
        block(ada, bob);
        assertProblem(follow(bob, ada), 404);
        assertConsistent();
        assertThat(follows(bob, ada)).isFalse();
        assertThat(feedIds(bob)).doesNotContain(adas);
    }

    private void assertConsistent() {
        boolean blocked = jdbc.sql("SELECT COUNT(*) FROM blocks WHERE blocker_id = ? AND blocked_id = ?")
                .param(ada.id()).param(bob.id()).query(Long.class).single() > 0;
        if (blocked) {
            assertThat(follows(bob, ada)).isFalse();
            assertThat(follows(ada, bob)).isFalse();
        }
        for (LoggedIn who : List.of(ada, bob)) {
            long counted = jdbc.sql("SELECT COUNT(*) FROM follows WHERE followee_id = ?").param(who.id())
                    .query(Long.class).single();
            assertThat(followerCount(who)).isEqualTo(counted);
        }
        long strays = jdbc.sql("""
                SELECT COUNT(*) FROM home_timelines t
                 WHERE t.user_id = :bob AND t.author_id = :ada
                   AND NOT EXISTS (SELECT 1 FROM follows f WHERE f.follower_id = :bob AND f.followee_id = :ada)""")
                .param("bob", bob.id()).param("ada", ada.id()).query(Long.class).single();
        assertThat(strays).isZero();
    }

    private boolean follows(LoggedIn follower, LoggedIn followee) {
        return jdbc.sql("SELECT COUNT(*) FROM follows WHERE follower_id = ? AND followee_id = ?")
                .param(follower.id()).param(followee.id()).query(Long.class).single() > 0;
    }

    private long followerCount(LoggedIn who) {
        return jdbc.sql("SELECT followers FROM timeline_authors WHERE author_id = ?").param(who.id())
                .query(Long.class).single();
    }

    private Response follow(LoggedIn who, LoggedIn whom) {
        return api.send("PUT", "/api/users/" + whom.username() + "/follow", null, null, who.auth());
    }

    private Response block(LoggedIn who, LoggedIn whom) {
        return api.send("PUT", "/api/users/" + whom.username() + "/block", null, null, who.auth());
    }

    private Response unblock(LoggedIn who, LoggedIn whom) {
        return api.send("DELETE", "/api/users/" + whom.username() + "/block", null, null, who.auth());
    }

    private Response mute(LoggedIn who, LoggedIn whom) {
        return api.send("PUT", "/api/users/" + whom.username() + "/mute", null, null, who.auth());
    }

    private Response unmute(LoggedIn who, LoggedIn whom) {
        return api.send("DELETE", "/api/users/" + whom.username() + "/mute", null, null, who.auth());
    }

    private List<Long> feedIds(LoggedIn who) {
        return ids(api.get("/api/feed?limit=100", who.auth()).json().get("items"));
    }

    private List<Long> feedWithoutTimeline(LoggedIn who) {
        return feedRepository.withoutTimeline(who.id(), Cursor.NEWEST, 100).stream().map(Post::id).toList();
    }

    private List<Long> commentIds(LoggedIn who, long postId) {
        return ids(api.get("/api/posts/" + postId + "/comments", who.auth()).json().get("items"));
    }

    private List<Long> taggedIds(LoggedIn who, String tag) {
        return ids(api.get("/api/tags/" + tag + "/posts", who.auth()).json().get("items"));
    }

    private List<Long> suggestedIds(LoggedIn who) {
        return ids(api.get("/api/suggestions?limit=100", who.auth()).json().get("items"));
    }

    private List<Long> listIds(LoggedIn who, String path) {
        return ids(api.get(path, who.auth()).json().get("items"));
    }

    private static List<Long> ids(JsonNode items) {
        List<Long> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }
}
