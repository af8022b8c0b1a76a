package io.bsocial.web.comment;

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
 * Likes of comments through the real API, on H2 and PostgreSQL, as likes of posts: one per person,
 * the count and {@code likedByMe} in the comment list, 404 for a comment of a post one may not see
 * or of another post, one event per change, gone with the comment; eight people at once.
 */
@WebIntegrationTest
class CommentLikeApiTest {

    @RegisterExtension
    static final KafkaRecorder kafka = KafkaRecorder.ofEmbeddedBroker();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    LoggedIn author;
    LoggedIn reader;
    long post;
    long comment;

    @BeforeEach
    void aComment() {
        api = new ApiClient(port);
        author = TestUsers.create(api, "clauthor");
        reader = TestUsers.create(api, "clreader");
        TestUsers.follow(api, reader, author);
        post = TestUsers.post(api, author, "A post with a comment worth a heart");
        comment = TestUsers.comment(api, author, post, "The author's own comment");
    }

    private Response like(String method, LoggedIn who, long postId, long commentId) {
        return api.send(method, "/api/posts/" + postId + "/comments/" + commentId + "/like", null, null, who.auth());
    }

    @Test
    void oneLikePerPersonShownInTheListAndOneEventPerChange() {
        Response liked = like("PUT", reader, post, comment);
        assertThat(liked.status()).isEqualTo(200);
        assertThat(liked.json().get("liked").asBoolean()).isTrue();
        assertThat(liked.json().get("likeCount").asInt()).isOne();
        assertThat(like("PUT", reader, post, comment).json().get("likeCount").asInt()).as("twice is one").isOne();

        var listed = api.get("/api/posts/" + post + "/comments", reader.auth()).json().get("items").get(0);
        assertThat(listed.propertyNames()).containsExactlyInAnyOrder("id", "postId", "author", "content", "createdAt",
                "editedAt", "likeCount", "likedByMe", "parentId", "mentions");
        assertThat(listed.get("likeCount").asInt()).isOne();
        assertThat(listed.get("likedByMe").asBoolean()).isTrue();
        assertThat(api.get("/api/posts/" + post + "/comments", author.auth()).json().get("items").get(0)
                .get("likedByMe").asBoolean()).isFalse();

        assertThat(like("DELETE", reader, post, comment).json().get("likeCount").asInt()).isZero();
        assertThat(like("DELETE", reader, post, comment).status()).as("idempotent").isEqualTo(200);

        awaitEmptyOutbox();
        KafkaRecorder.Message event = kafka.await(1, m -> m.topic().equals(EventTopics.COMMENT_LIKED)
                && m.json().get("commentId").asLong() == comment).get(0);
        assertThat(event.key()).isEqualTo(String.valueOf(post));
        assertThat(event.json().get("commentAuthorId").asLong()).isEqualTo(author.id());
        assertThat(event.json().get("postExcerpt").asString()).isEqualTo("A post with a comment worth a heart");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> kafka.matching(m -> m.topic()
                .equals(EventTopics.COMMENT_UNLIKED) && m.json().get("commentId").asLong() == comment).size() == 1);
        assertThat(kafka.matching(m -> m.topic().equals(EventTopics.COMMENT_LIKED)
                && m.json().get("commentId").asLong() == comment)).hasSize(1);
    }

    @Test
    void aCommentOneMayNotSeeOrOfAnotherPostIs404AndADeletedOneTakesItsLikes() {
        LoggedIn stranger = TestUsers.create(api, "clstranger");
        assertProblem(like("PUT", stranger, post, comment), 404);
        long otherPost = TestUsers.post(api, author, "Another post");
        assertProblem(like("PUT", reader, otherPost, comment), 404);
        assertProblem(like("PUT", reader, post, 999_999_999L), 404);

        assertThat(like("PUT", reader, post, comment).status()).isEqualTo(200);
        assertThat(api.send("DELETE", "/api/posts/" + post + "/comments/" + comment, null, null, author.auth()).status())
                .isEqualTo(204);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM comment_likes WHERE comment_id = ?").param(comment)
                .query(Long.class).single()).isZero();
        assertProblem(like("PUT", reader, post, comment), 404);
    }

    @Test
    void eightPeopleLikingAndUnlikingOneCommentAtOnceLeaveTheRightCount() throws Exception {
        List<LoggedIn> likers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            LoggedIn liker = TestUsers.create(api, "clracer");
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
                        Response answer = like(liked ? "PUT" : "DELETE", liker, post, comment);
                        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
                    }
                    return liked;
                }));
            }
            long standing = 0;
            for (Future<Boolean> last : lastActions) {
                standing += last.get() ? 1 : 0;
            }
            assertThat(jdbc.sql("SELECT COUNT(*) FROM comment_likes WHERE comment_id = ?").param(comment)
                    .query(Long.class).single()).isEqualTo(standing);
            assertThat(api.get("/api/posts/" + post + "/comments", author.auth()).json().get("items").get(0)
                    .get("likeCount").asLong()).isEqualTo(standing);
        } finally {
            threads.shutdownNow();
        }
    }

    private void awaitEmptyOutbox() {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM outbox_events").query(Long.class).single() == 0);
    }
}
