package io.bsocial.web.post;

import static io.bsocial.web.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import org.awaitility.Awaitility;
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

/**
 * Likes of posts through the real API, on H2 and PostgreSQL: one like per person however often
 * they ask, the count and {@code likedByMe} in every post, 404 for a post one may not see, one
 * event per like that is new and per unlike that took one back, and the likes gone with their
 * post. Eight people liking and unliking one post at once leave the count the rows say.
 */
@WebIntegrationTest
class LikeApiTest {

    @RegisterExtension
    static final KafkaRecorder kafka = KafkaRecorder.ofEmbeddedBroker();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    LoggedIn author;
    LoggedIn reader;

    @BeforeEach
    void people() {
        api = new ApiClient(port);
        author = TestUsers.create(api, "likeauthor");
        reader = TestUsers.create(api, "likereader");
        TestUsers.follow(api, reader, author);
    }

    private Response like(String method, LoggedIn who, long postId) {
        return api.send(method, "/api/posts/" + postId + "/like", null, null, who.auth());
    }

    @Test
    void oneLikePerPersonCountedInThePostAndTakenBackOnce() {
        long post = TestUsers.post(api, author, "A post worth a heart, and then some more words to make it longer than "
                + "eighty characters, so that the excerpt is cut");

        Response liked = like("PUT", reader, post);
        assertThat(liked.status()).isEqualTo(200);
        assertThat(liked.json().propertyNames()).containsExactlyInAnyOrder("liked", "likeCount");
        assertThat(liked.json().get("liked").asBoolean()).isTrue();
        assertThat(liked.json().get("likeCount").asInt()).isOne();
        // Twice is one like.
        assertThat(like("PUT", reader, post).json().get("likeCount").asInt()).isOne();
        // The author may like their own post too.
        assertThat(like("PUT", author, post).json().get("likeCount").asInt()).isEqualTo(2);

        assertThat(api.get("/api/posts/" + post, reader.auth()).json().get("likedByMe").asBoolean()).isTrue();
        assertThat(api.get("/api/posts/" + post, reader.auth()).json().get("likeCount").asInt()).isEqualTo(2);
        assertThat(like("DELETE", author, post).json().get("likeCount").asInt()).isOne();
        assertThat(api.get("/api/posts/" + post, author.auth()).json().get("likedByMe").asBoolean()).isFalse();
        // The feed says the same as the post.
        assertThat(api.get("/api/feed", reader.auth()).json().get("items").get(0).get("likedByMe").asBoolean()).isTrue();
        assertThat(api.get("/api/feed", author.auth()).json().get("items").get(0).get("likeCount").asInt()).isOne();

        Response unliked = like("DELETE", reader, post);
        assertThat(unliked.status()).isEqualTo(200);
        assertThat(unliked.json().get("liked").asBoolean()).isFalse();
        assertThat(unliked.json().get("likeCount").asInt()).isZero();
        assertThat(like("DELETE", reader, post).json().get("likeCount").asInt()).as("idempotent").isZero();

        // One event per change: two likes, two unlikes; the like names the post by its first 80 characters.
        awaitEmptyOutbox();
        List<KafkaRecorder.Message> likes = kafka.await(2, m -> m.topic().equals(EventTopics.POST_LIKED)
                && m.json().get("postId").asLong() == post);
        assertThat(likes).extracting(m -> m.json().get("userId").asLong()).containsExactlyInAnyOrder(reader.id(), author.id());
        KafkaRecorder.Message first = likes.get(0);
        assertThat(first.key()).isEqualTo(String.valueOf(post));
        assertThat(first.json().get("postAuthorId").asLong()).isEqualTo(author.id());
        assertThat(first.json().get("postExcerpt").asString()).hasSize(80)
                .startsWith("A post worth a heart");
        assertThat(first.json().propertyNames()).containsExactlyInAnyOrder("eventId", "eventType", "timestamp", "userId",
                "username", "email", "postId", "postAuthorId", "postExcerpt");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> unlikesOf(post) == 2);
        assertThat(kafka.matching(m -> m.topic().equals(EventTopics.POST_LIKED) && m.json().get("postId").asLong() == post))
                .hasSize(2);
    }

    private long unlikesOf(long post) {
        return kafka.matching(m -> m.topic().equals(EventTopics.POST_UNLIKED) && m.json().get("postId").asLong() == post)
                .size();
    }

    @Test
    void aPostOneMayNotSeeCannotBeLikedAndSaysNothingOfItself() {
        LoggedIn stranger = TestUsers.create(api, "likestranger");
        long post = TestUsers.post(api, author, "For followers");
        assertProblem(like("PUT", stranger, post), 404);
        assertProblem(like("DELETE", stranger, post), 404);
        assertProblem(like("PUT", stranger, 999_999_999L), 404);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM post_likes WHERE post_id = ?").param(post).query(Long.class).single())
                .isZero();
    }

    @Test
    void aDeletedPostTakesItsLikesWithIt() {
        long post = TestUsers.post(api, author, "Here briefly");
        assertThat(like("PUT", reader, post).status()).isEqualTo(200);
        assertThat(api.send("DELETE", "/api/posts/" + post, null, null, author.auth()).status()).isEqualTo(204);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM post_likes WHERE post_id = ?").param(post).query(Long.class).single())
                .isZero();
        assertProblem(like("PUT", reader, post), 404);
    }

    @Test
    void eightPeopleLikingAndUnlikingOnePostAtOnceLeaveTheRightCount() throws Exception {
        long post = TestUsers.post(api, author, "Popular for a moment");
        List<LoggedIn> likers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            LoggedIn liker = TestUsers.create(api, "racer");
            TestUsers.follow(api, liker, author);
            likers.add(liker);
        }
        CyclicBarrier start = new CyclicBarrier(likers.size());
        ExecutorService threads = Executors.newFixedThreadPool(likers.size());
        try {
            List<Future<Boolean>> lastActions = new ArrayList<>();
            for (LoggedIn liker : likers) {
                lastActions.add(threads.submit(() -> {
                    start.await();
                    boolean liked = false;
                    for (int i = 0; i < 15; i++) {
                        liked = ThreadLocalRandom.current().nextBoolean();
                        Response answer = like(liked ? "PUT" : "DELETE", liker, post);
                        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
                    }
                    return liked;
                }));
            }
            long standing = 0;
            for (Future<Boolean> last : lastActions) {
                standing += last.get() ? 1 : 0;
            }
            long rows = jdbc.sql("SELECT COUNT(*) FROM post_likes WHERE post_id = ?").param(post).query(Long.class).single();
            assertThat(rows).isEqualTo(standing);
            assertThat(api.get("/api/posts/" + post, author.auth()).json().get("likeCount").asLong()).isEqualTo(standing);
            // Events alternate per person: their likes outnumber their unlikes by one exactly when the like stands.
            awaitEmptyOutbox();
            for (LoggedIn liker : likers) {
                boolean stands = jdbc.sql("SELECT COUNT(*) FROM post_likes WHERE post_id = ? AND user_id = ?")
                        .param(post).param(liker.id()).query(Long.class).single() == 1;
                Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                        eventsOf(liker, EventTopics.POST_LIKED, post) - eventsOf(liker, EventTopics.POST_UNLIKED, post))
                        .isEqualTo(stands ? 1 : 0));
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private long eventsOf(LoggedIn user, String topic, long post) {
        return kafka.matching(m -> m.topic().equals(topic) && m.json().get("userId").asLong() == user.id()
                && m.json().get("postId").asLong() == post).size();
    }

    private void awaitEmptyOutbox() {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM outbox_events").query(Long.class).single() == 0);
    }
}
