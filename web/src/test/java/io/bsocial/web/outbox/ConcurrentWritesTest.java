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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import io.bsocial.shared.events.EventTopics;
import io.bsocial.shared.security.SessionUser;
import io.bsocial.web.WebIntegrationTest;
import io.bsocial.web.comment.internal.Comment;
import io.bsocial.web.comment.internal.CommentService;
import io.bsocial.web.follow.FollowService;
import io.bsocial.web.post.Posts;
import io.bsocial.web.support.ApiClient;
import io.bsocial.web.support.KafkaRecorder;
import io.bsocial.web.support.NotFoundException;
import io.bsocial.web.support.TestUsers;
import io.bsocial.web.support.TestUsers.LoggedIn;

/**
 * Many people writing at the same moment, through the real services, while the relay (and the
 * relays of the other test contexts sharing this database) publish: afterwards every committed
 * post, comment and follow change, edit and delete has exactly one message on Kafka. Transactions commit in
 * another order than they took their ids, so a relay that acknowledged "everything up to an id"
 * would delete entries that committed late, unpublished; this test catches that.
 */
@WebIntegrationTest
// Each writer edits and deletes some 120 times in the burst, over the budget of 60 per 30 minutes;
// this test is about the outbox (BudgetApiTest is about budgets), so its budget for edits is raised.
@TestPropertySource(properties = "bsocial.budgets.edits=1000/30m")
class ConcurrentWritesTest {

    static final int WRITERS = 8;
    static final int ROUNDS = 60;

    @RegisterExtension
    static final KafkaRecorder kafka = KafkaRecorder.ofEmbeddedBroker();

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
        ConcurrentLinkedQueue<Long> postEdits = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> commentEdits = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> deletedPosts = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> deletedComments = new ConcurrentLinkedQueue<>();
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
                    List<Long> mine = new ArrayList<>();
                    for (int round = 0; round < ROUNDS; round++) {
                        long posted = posts.create(me, "post " + round + " by " + me.username()).id();
                        postIds.add(posted);
                        mine.add(posted);
                        Long[] known = postIds.toArray(Long[]::new);
                        long onPost = known[ThreadLocalRandom.current().nextInt(known.length)];
                        // Posts are deleted meanwhile: commenting on or editing under one is a 404, no fact.
                        int r = round;
                        Comment comment = attempt(() -> comments.create(me, onPost, "comment " + r));
                        if (comment != null) {
                            commentIds.add(comment.id());
                            if (round % 2 == 0 && attempt(() -> comments.edit(me, onPost, comment.id(),
                                    "edited " + r)) != null) {
                                commentEdits.add(comment.id());
                            }
                        }
                        if (round % 5 == 0) {
                            // On the writer's own post, which only this thread deletes: it is surely there.
                            long mineToDelete = comments.create(me, posted, "short-lived " + round).id();
                            commentIds.add(mineToDelete);
                            comments.delete(me, posted, mineToDelete);
                            deletedComments.add(mineToDelete);
                        }
                        posts.edit(me, posted, "edited post " + round + " by " + me.username());
                        postEdits.add(posted);
                        if (round % 4 == 3) {
                            long old = mine.remove(0);
                            posts.delete(me, old);
                            deletedPosts.add(old);
                        }
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

        // Every committed fact, as the database holds it: there, or deleted since (a tombstone).
        List<Long> storedPosts = jdbc.sql("SELECT id FROM posts WHERE id IN (:ids)").param("ids", List.copyOf(postIds))
                .query(Long.class).list();
        List<Long> storedComments = jdbc.sql("SELECT id FROM comments WHERE id IN (:ids)")
                .param("ids", List.copyOf(commentIds)).query(Long.class).list();
        List<Long> tombstonedComments = jdbc.sql("SELECT id FROM deleted_comments WHERE id IN (:ids)")
                .param("ids", List.copyOf(commentIds)).query(Long.class).list();
        assertThat(storedPosts).hasSize(postIds.size() - deletedPosts.size());
        assertThat(storedPosts).doesNotContainAnyElementsOf(deletedPosts);
        assertThat(storedComments.size() + tombstonedComments.size()).isEqualTo(commentIds.size());
        assertThat(tombstonedComments).containsAll(deletedComments);

        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                jdbc.sql("SELECT COUNT(*) FROM outbox_events").query(Long.class).single() == 0);
        // The outbox is empty: whatever is not on Kafka within a few seconds now never will be.
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    assertThat(published(EventTopics.POST_CREATED, "postId", writerNames)).containsAll(postIds);
                    assertThat(published(EventTopics.COMMENT_CREATED, "commentId", writerNames)).containsAll(commentIds);
                    assertThat(published(EventTopics.POST_DELETED, "postId", writerNames)).containsAll(deletedPosts);
                    assertThat(published(EventTopics.COMMENT_DELETED, "commentId", writerNames))
                            .containsAll(deletedComments);
                    assertThat(published(EventTopics.POST_UPDATED, "postId", writerNames)).hasSameSizeAs(postEdits);
                    assertThat(published(EventTopics.COMMENT_UPDATED, "commentId", writerNames))
                            .hasSameSizeAs(commentEdits);
                });

        assertExactlyOnce(published(EventTopics.POST_CREATED, "postId", writerNames), postIds);
        assertExactlyOnce(published(EventTopics.COMMENT_CREATED, "commentId", writerNames), commentIds);
        assertExactlyOnce(published(EventTopics.POST_DELETED, "postId", writerNames), deletedPosts);
        assertExactlyOnce(published(EventTopics.COMMENT_DELETED, "commentId", writerNames), deletedComments);
        // One message per committed edit (each one changed the text).
        assertThat(counted(published(EventTopics.POST_UPDATED, "postId", writerNames))).isEqualTo(counted(postEdits));
        assertThat(counted(published(EventTopics.COMMENT_UPDATED, "commentId", writerNames)))
                .isEqualTo(counted(commentEdits));
        Map<String, Long> expectedFollowChanges = followChanges.stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        Map<String, Long> publishedFollowChanges = kafka.matching(m ->
                        (m.topic().equals(EventTopics.USER_FOLLOWED) || m.topic().equals(EventTopics.USER_UNFOLLOWED))
                                && m.json().get("followedUserId").asLong() == toggled.id())
                .stream().collect(Collectors.groupingBy(m -> m.topic() + ":" + m.json().get("userId").asLong(),
                        Collectors.counting()));
        assertThat(publishedFollowChanges).isEqualTo(expectedFollowChanges);
    }

    /**
     * The same post deleted by its author from eight threads at once (two tabs, a retry): every
     * call answers like a delete, one of them deletes, and exactly one post-deleted is published;
     * the same for one comment.
     */
    @Test
    void concurrentDeletesOfTheSamePostPublishOneEvent() throws Exception {
        ApiClient api = new ApiClient(port);
        LoggedIn user = TestUsers.create(api, "twice");
        SessionUser author = new SessionUser(user.id(), user.username(), "Test", "User " + user.username());
        List<Long> deleted = new ArrayList<>();
        List<Long> deletedComments = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            for (int i = 0; i < 5; i++) {
                long postId = posts.create(author, "delete me " + i).id();
                long commentId = comments.create(author, postId, "and me").id();
                comments.create(author, postId, "and me too");
                CyclicBarrier start = new CyclicBarrier(WRITERS);
                List<Future<?>> work = new ArrayList<>();
                for (int w = 0; w < WRITERS; w++) {
                    boolean postDeleter = w % 2 == 0;
                    work.add(pool.submit(() -> {
                        start.await();
                        if (postDeleter) {
                            posts.delete(author, postId);
                        } else {
                            comments.delete(author, postId, commentId);
                        }
                        return null;
                    }));
                }
                for (Future<?> done : work) {
                    done.get();
                }
                deleted.add(postId);
                deletedComments.add(commentId);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM posts WHERE id IN (:ids)").param("ids", deleted).query(Long.class)
                .single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM comments WHERE post_id IN (:ids)").param("ids", deleted)
                .query(Long.class).single()).isZero();

        Set<String> me = Set.of(user.username());
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(published(EventTopics.POST_DELETED, "postId", me)).containsAll(deleted));
        // A later fact of the same author: once it is on Kafka, every earlier one is too.
        long last = posts.create(author, "after the deletes").id();
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(published(EventTopics.POST_CREATED, "postId", me)).contains(last));
        assertExactlyOnce(published(EventTopics.POST_DELETED, "postId", me), new ConcurrentLinkedQueue<>(deleted));
        // A comment deleted before its post was is published once; after, it went with the post, unannounced.
        assertThat(counted(published(EventTopics.COMMENT_DELETED, "commentId", me)).values()).allMatch(n -> n == 1);
        assertThat(published(EventTopics.COMMENT_DELETED, "commentId", me)).isSubsetOf(deletedComments);
    }

    /** A write that may meet a concurrent delete: its result, or null when it met a 404. */
    private static <T> T attempt(java.util.concurrent.Callable<T> write) throws Exception {
        try {
            return write.call();
        } catch (NotFoundException gone) {
            return null;
        }
    }

    private static Map<Long, Long> counted(java.util.Collection<Long> ids) {
        return ids.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
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
