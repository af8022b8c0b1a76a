package io.bsocial.notifier.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.bsocial.notifier.notification.Notification;
import io.bsocial.notifier.notification.internal.NotificationRepository.Retracted;
import io.bsocial.notifier.support.Events;
import io.bsocial.shared.events.CommentCreated;
import io.bsocial.shared.events.UserFollowed;

/** Follow notifications and retractions on the real database (H2, and PostgreSQL with -Ppostgres). */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import(NotificationRepository.class)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@Tag("db")
class RetractionsAndFollowsRepositoryTest {

    private static final Instant NOON = Instant.parse("2026-03-10T12:00:00Z");

    @Autowired
    NotificationRepository notifications;

    @Test
    void aFollowerNotifiesOncePerUtcDayHoweverOftenTheyRefollow() {
        long followed = Events.nextId();
        long follower = Events.nextId();
        Notification first = notifications.insert(follow(follower, followed, NOON)).orElseThrow();
        assertThat(first.type()).isEqualTo("follow");
        assertThat(first.postId()).isNull();
        assertThat(first.commentId()).isNull();
        assertThat(first.excerpt()).isNull();
        assertThat(first.actor().id()).isEqualTo(follower);

        assertThat(notifications.insert(follow(follower, followed, NOON.plusSeconds(3600)))).as("re-follow").isEmpty();
        assertThat(notifications.insert(follow(follower, followed, Instant.parse("2026-03-10T23:59:59Z"))))
                .as("the same UTC day").isEmpty();
        assertThat(notifications.insert(follow(Events.nextId(), followed, NOON))).as("another follower").isPresent();
        assertThat(notifications.insert(follow(follower, followed, Instant.parse("2026-03-11T00:00:00Z"))))
                .as("the next UTC day").isPresent();
        assertThat(notifications.recent(followed, 10)).hasSize(3);
    }

    @Test
    void eightConcurrentDeliveriesOfAFollowStoreOneNotification() throws Exception {
        long followed = Events.nextId();
        UserFollowed follow = follow(Events.nextId(), followed, Instant.now().truncatedTo(ChronoUnit.MICROS));
        List<Optional<Notification>> stored = all(8, () -> notifications.insert(follow));
        assertThat(stored).filteredOn(Optional::isPresent).hasSize(1);
        assertThat(notifications.recent(followed, 10)).hasSize(1);
    }

    @Test
    void aDeletedCommentTakesItsNotificationBackInEitherOrder() {
        long author = Events.nextId();
        CommentCreated early = comment(author, Events.nextId());
        Notification stored = notifications.insert(early).orElseThrow();
        List<Retracted> retracted = notifications.retractComment(early.commentId(), Instant.now());
        assertThat(retracted).containsExactly(new Retracted(author, "r", List.of(stored.id())));
        assertThat(notifications.recent(author, 10)).isEmpty();
        assertThat(notifications.insert(early)).as("a redelivered comment-created").isEmpty();

        CommentCreated late = comment(author, Events.nextId());
        assertThat(notifications.retractComment(late.commentId(), Instant.now())).isEmpty();
        assertThat(notifications.insert(late)).as("created after its deletion was processed").isEmpty();
        assertThat(notifications.recent(author, 10)).isEmpty();
        assertThat(notifications.retractComment(late.commentId(), Instant.now())).as("replayed").isEmpty();
    }

    @Test
    void aDeletedPostTakesBackEveryCommentsNotificationInEitherOrderAndNothingElse() {
        long author = Events.nextId();
        long post = Events.nextId();
        long other = Events.nextId();
        Notification before = notifications.insert(comment(author, post)).orElseThrow();
        Notification elsewhere = notifications.insert(comment(author, other)).orElseThrow();
        Notification follow = notifications.insert(follow(Events.nextId(), author, NOON)).orElseThrow();

        List<Retracted> retracted = notifications.retractPost(post, Instant.now());
        assertThat(retracted).extracting(Retracted::ids).containsExactly(List.of(before.id()));
        assertThat(notifications.insert(comment(author, post))).as("a comment processed after its post's deletion")
                .isEmpty();
        assertThat(notifications.recent(author, 10)).extracting(Notification::id)
                .containsExactlyInAnyOrder(elsewhere.id(), follow.id());
    }

    /** Creations and deletions processed at the same moment (two topics, two threads): none survives. */
    /**
     * A tombstone outlives the creation event it stops for as long as Kafka keeps that event, no
     * longer: pruning deletes those older than the horizon, a bounded batch at a time, and leaves
     * the others stopping what they stop.
     */
    @Test
    void tombstonesOlderThanTheHorizonArePrunedInBoundedBatchesAndTheOthersStillStop() {
        long author = Events.nextId();
        CommentCreated old = Events.comment(Events.nextId(), "old", Events.nextId(), author, "a", "deleted long ago");
        CommentCreated recent = Events.comment(Events.nextId(), "recent", Events.nextId(), author, "a", "deleted lately");
        long oldPost = Events.nextId();
        notifications.retractComment(old.commentId(), NOON.minus(9, ChronoUnit.DAYS));
        notifications.retractPost(oldPost, NOON.minus(9, ChronoUnit.DAYS));
        notifications.retractComment(recent.commentId(), NOON.minus(1, ChronoUnit.DAYS));
        Instant horizon = NOON.minus(8, ChronoUnit.DAYS);

        assertThat(notifications.pruneTombstones(horizon, 1)).as("one batch of one").isEqualTo(1);
        while (notifications.pruneTombstones(horizon, 1) > 0) {
            // the rest, one at a time
        }

        assertThat(notifications.insert(recent)).as("its tombstone is young: still stopped").isEmpty();
        assertThat(notifications.insert(old)).as("its tombstone is gone, as Kafka's copy of it would be").isPresent();
    }

    @Test
    void aCommentCreatedRacingItsDeletionNeverSurvives() throws Exception {
        long author = Events.nextId();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 40; i++) {
                CommentCreated comment = comment(author, Events.nextId());
                boolean wholePost = i % 2 == 1;
                CountDownLatch start = new CountDownLatch(1);
                Future<?> created = pool.submit(() -> {
                    start.await();
                    return notifications.insert(comment);
                });
                Future<?> deleted = pool.submit(() -> {
                    start.await();
                    return !wholePost ? notifications.retractComment(comment.commentId(), Instant.now())
                            : notifications.retractPost(comment.postId(), Instant.now());
                });
                start.countDown();
                created.get(30, TimeUnit.SECONDS);
                deleted.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(notifications.recent(author, 100)).isEmpty();
    }

    private static <T> List<T> all(int threads, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static UserFollowed follow(long follower, long followed, Instant at) {
        return Events.followed(follower, "f" + follower, followed, "r", at);
    }

    private static CommentCreated comment(long author, long post) {
        return Events.comment(Events.nextId(), "c", post, author, "r", "hi");
    }
}
