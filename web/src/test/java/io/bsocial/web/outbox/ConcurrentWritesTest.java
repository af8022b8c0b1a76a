package io.bsocial.web.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.bsocial.shared.events.EventTopics;
import io.bsocial.shared.security.SessionUser;
import io.bsocial.web.WebIntegrationTest;
import io.bsocial.web.comment.internal.CommentService;
import io.bsocial.web.follow.FollowService;
import io.bsocial.web.post.Posts;
import io.bsocial.web.support.ApiClient;
import io.bsocial.web.support.KafkaRecorder;
import io.bsocial.web.support.TestUsers;
import io.bsocial.web.support.TestUsers.LoggedIn;

/**
 * Many people writing at the same moment, through the real services, while the relay (and the
 * relays of the other test contexts sharing this database) publish: afterwards every committed
 * post, comment and follow change has exactly one message on Kafka. Transactions commit in
 * another order than they took their ids, so a relay that acknowledged "everything up to an id"
 * would delete entries that committed late, unpublished; this test catches that.
 */
@WebIntegrationTest
class ConcurrentWritesTest {

    static final int WRITERS = 8;
    static final int ROUNDS = 60;

    static KafkaRecorder kafka;

    @LocalServerPort
    int port;

    @Autowired
    Posts posts;

    @Autowired
    CommentService comments;

    @Autowired
    FollowService follows;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void listen() {
        kafka = new KafkaRecorder(System.getProperty("spring.embedded.kafka.brokers"));
    }

    @AfterAll
    static void stopListening() throws InterruptedException {
        kafka.close();
    }

    @Test
    void everyFactWrittenConcurrentlyIsPublishedExactlyOnce() throws Exception {
        ApiClient api = new ApiClient(port);
        List<SessionUser> writers = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            LoggedIn user = TestUsers.create(api, "burst");
            writers.add(new SessionUser(user.id(), user.username(), "Test", "User " + user.username()));
        }
        Set<String> writerNames = writers.stream().map(SessionUser::username).collect(Collectors.toSet());
        ConcurrentLinkedQueue<Long> postIds = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> commentIds = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> followChanges = new ConcurrentLinkedQueue<>();
        // Everyone follows everyone, so that anyone may comment on anyone's post.
        for (SessionUser follower : writers) {
            for (SessionUser followee : writers) {
                if (follower != followee) {
                    follows.follow(follower, followee.username());
                }
            }
        }
        // Someone each writer follows and unfollows in turn: every call changes the relation.
        LoggedIn toggled = TestUsers.create(api, "toggled");
        long firstPost = posts.create(writers.get(0), "the burst starts").id();
        postIds.add(firstPost);

        CyclicBarrier start = new CyclicBarrier(WRITERS);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                SessionUser me = writers.get(w);
                work.add(pool.submit(() -> {
                    start.await();
                    boolean following = false;
                    for (int round = 0; round < ROUNDS; round++) {
                        postIds.add(posts.create(me, "post " + round + " by " + me.username()).id());
                        Long[] known = postIds.toArray(Long[]::new);
                        long onPost = known[ThreadLocalRandom.current().nextInt(known.length)];
                        commentIds.add(comments.create(me, onPost, "comment " + round).id());
                        if (round % 3 == 0) {
                            if (following) {
                                follows.unfollow(me, toggled.username());
                                followChanges.add(EventTopics.USER_UNFOLLOWED + ":" + me.id());
                            } else {
                                follows.follow(me, toggled.username());
                                followChanges.add(EventTopics.USER_FOLLOWED + ":" + me.id());
                            }
                            following = !following;
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> done : work) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }

        // Every committed fact, as the database holds it.
        List<Long> storedPosts = jdbc.sql("SELECT id FROM posts WHERE id IN (:ids)").param("ids", List.copyOf(postIds))
                .query(Long.class).list();
        List<Long> storedComments = jdbc.sql("SELECT id FROM comments WHERE id IN (:ids)")
                .param("ids", List.copyOf(commentIds)).query(Long.class).list();
        assertThat(storedPosts).hasSameSizeAs(postIds);
        assertThat(storedComments).hasSameSizeAs(commentIds);

        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                jdbc.sql("SELECT COUNT(*) FROM outbox_events").query(Long.class).single() == 0);
        // The outbox is empty: whatever is not on Kafka within a few seconds now never will be.
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    assertThat(published(EventTopics.POST_CREATED, "postId", writerNames)).containsAll(postIds);
                    assertThat(published(EventTopics.COMMENT_CREATED, "commentId", writerNames)).containsAll(commentIds);
                });

        assertExactlyOnce(published(EventTopics.POST_CREATED, "postId", writerNames), postIds);
        assertExactlyOnce(published(EventTopics.COMMENT_CREATED, "commentId", writerNames), commentIds);
        Map<String, Long> expectedFollowChanges = followChanges.stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        Map<String, Long> publishedFollowChanges = kafka.matching(m ->
                        (m.topic().equals(EventTopics.USER_FOLLOWED) || m.topic().equals(EventTopics.USER_UNFOLLOWED))
                                && m.json().get("followedUserId").asLong() == toggled.id())
                .stream().collect(Collectors.groupingBy(m -> m.topic() + ":" + m.json().get("userId").asLong(),
                        Collectors.counting()));
        assertThat(publishedFollowChanges).isEqualTo(expectedFollowChanges);
    }

    /** The ids in the messages of this topic written by these writers (other tests publish too). */
    private static List<Long> published(String topic, String idField, Set<String> writerNames) {
        return kafka.matching(m -> m.topic().equals(topic) && writerNames.contains(m.json().get("username").asString()))
                .stream()
                .map(m -> m.json().get(idField).asLong()).toList();
    }

    /** Each committed id appears exactly once among the published ones, and nothing else does. */
    private static void assertExactlyOnce(List<Long> published, ConcurrentLinkedQueue<Long> committedIds) {
        Map<Long, Long> copies = published.stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(copies.keySet()).containsExactlyInAnyOrderElementsOf(committedIds);
        assertThat(copies).allSatisfy((id, count) -> assertThat(count).as("copies of %d", id).isEqualTo(1L));
    }
}
