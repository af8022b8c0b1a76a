package io.bsocial.notifier.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.bsocial.notifier.notification.Notification;
import io.bsocial.notifier.support.Events;
import io.bsocial.shared.events.CommentCreated;

/**
 * Edits of one comment processed at the same moment as each other, as their comment's
 * notification, or as its deletion (separate topics, so separate threads): the notification ends
 * with the latest text, whatever the order, and a deleted comment leaves no edit behind. On H2 and
 * PostgreSQL ({@code -Ppostgres}).
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import(NotificationRepository.class)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@Tag("db")
class CommentEditsRepositoryTest {

    private static final int EDITS = 8;

    @Autowired
    NotificationRepository notifications;

    @Autowired
    JdbcClient jdbc;

    ExecutorService pool = Executors.newFixedThreadPool(EDITS + 2);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    /** A kept edit waits only for its comment's creation event: past Kafka's retention it goes, the others stay. */
    @Test
    void keptEditsOlderThanTheHorizonArePrunedInBoundedBatchesAndTheOthersStay() {
        Instant noon = Instant.parse("2026-03-10T12:00:00Z");
        long old = Events.nextId();
        long recent = Events.nextId();
        notifications.edit(Events.nextId(), old, "edited long ago", noon.minus(Duration.ofDays(9)));
        notifications.edit(Events.nextId(), recent, "edited lately", noon.minus(Duration.ofDays(1)));
        Instant horizon = noon.minus(Duration.ofDays(8));

        assertThat(notifications.pruneEdits(horizon, 1)).as("one batch of one").isEqualTo(1);
        while (notifications.pruneEdits(horizon, 1) > 0) {
            // the rest, one at a time
        }

        assertThat(kept(old)).isZero();
        assertThat(kept(recent)).isEqualTo(1);
    }

    private long kept(long commentId) {
        return jdbc.sql("SELECT COUNT(*) FROM comment_edits WHERE comment_id = ?").param(commentId).query(Long.class).single();
    }

    @Test
    void editsRacingEachOtherTheirRedeliveriesAndTheCommentEndWithTheLatestText() throws Exception {
        for (int round = 0; round < 20; round++) {
            long author = Events.nextId();
            CommentCreated comment = Events.comment(Events.nextId(), "c", Events.nextId(), author, "r", "original");
            List<Callable<?>> work = new ArrayList<>();
            work.add(() -> notifications.insert(comment));
            for (int i = 1; i <= EDITS; i++) {
                Instant at = comment.timestamp().plusSeconds(i);
                String text = "edit " + i;
                work.add(() -> notifications.edit(comment.postId(), comment.commentId(), text, at));
            }
            work.add(() -> notifications.edit(comment.postId(), comment.commentId(), "edit 3", comment.timestamp().plusSeconds(3)));
            Collections.shuffle(work);

            runTogether(work);

            assertThat(notifications.recent(author, 10)).extracting(Notification::excerpt)
                    .as("round %d", round).containsExactly("edit " + EDITS);
        }
    }

    @Test
    void anEditRacingItsCommentsDeletionLeavesNothing() throws Exception {
        for (int round = 0; round < 20; round++) {
            long author = Events.nextId();
            CommentCreated comment = Events.comment(Events.nextId(), "c", Events.nextId(), author, "r", "original");
            boolean wholePost = round % 2 == 1;
            List<Callable<?>> work = new ArrayList<>();
            work.add(() -> notifications.insert(comment));
            for (int i = 1; i <= EDITS; i++) {
                Instant at = comment.timestamp().plusSeconds(i);
                work.add(() -> notifications.edit(comment.postId(), comment.commentId(), "edited", at));
            }
            work.add(() -> wholePost ? notifications.retractPost(comment.postId(), Instant.now())
                    : notifications.retractComment(comment.commentId(), Instant.now()));

            runTogether(work);

            assertThat(notifications.recent(author, 10)).as("round %d", round).isEmpty();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM comment_edits WHERE comment_id = ?").param(comment.commentId())
                    .query(Long.class).single()).as("round %d", round).isZero();
        }
    }

    private void runTogether(List<Callable<?>> work) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (Callable<?> task : work) {
            done.add(pool.submit(() -> {
                start.await();
                return task.call();
            }));
        }
        start.countDown();
        for (Future<?> future : done) {
            future.get(30, TimeUnit.SECONDS);
        }
    }
}
