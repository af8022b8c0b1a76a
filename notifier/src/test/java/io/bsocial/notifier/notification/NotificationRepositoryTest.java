package io.bsocial.notifier.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.bsocial.notifier.notification.NotificationRepository.Delivery;
import io.bsocial.notifier.support.Events;
import io.bsocial.shared.events.CommentCreated;

/** Delivery claims on the real database (H2, and PostgreSQL with -Ppostgres). */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import(NotificationRepository.class)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@Tag("db")
class NotificationRepositoryTest {

    @Autowired
    NotificationRepository notifications;

    @Test
    void concurrentCallsNeverReturnTheSameNotificationAndTogetherReturnAll() throws Exception {
        long recipient = Events.nextId();
        List<Long> created = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 100; i++) {
            created.add(store(recipient, "before " + i));
        }
        Set<Long> delivered = ConcurrentHashMap.newKeySet();
        List<Long> duplicates = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(5);
        List<Future<?>> readers = new ArrayList<>();
        for (int r = 0; r < 4; r++) {
            readers.add(pool.submit(() -> {
                boolean more = true;
                while (more) {
                    boolean stillWriting = writing.get();
                    List<Notification> claimed = notifications.claimUndelivered(recipient, Delivery.HTTP, Instant.now());
                    for (Notification n : claimed) {
                        if (!delivered.add(n.id())) {
                            duplicates.add(n.id());
                        }
                    }
                    more = stillWriting || !claimed.isEmpty();
                }
            }));
        }
        Future<?> writer = pool.submit(() -> {
            for (int i = 0; i < 100; i++) {
                created.add(store(recipient, "during " + i));
            }
            writing.set(false);
        });
        writer.get();
        for (Future<?> reader : readers) {
            reader.get();
        }
        pool.shutdown();
        for (Notification n : notifications.claimUndelivered(recipient, Delivery.HTTP, Instant.now())) {
            if (!delivered.add(n.id())) {
                duplicates.add(n.id());
            }
        }

        assertThat(duplicates).isEmpty();
        assertThat(delivered).containsExactlyInAnyOrderElementsOf(created);
    }

    @Test
    void undeliveredComeOldestFirstAndOnlyOnce() {
        long recipient = Events.nextId();
        long first = store(recipient, "first");
        long second = store(recipient, "second");
        store(Events.nextId(), "someone else's");

        assertThat(notifications.claimUndelivered(recipient, Delivery.HTTP, Instant.now())).extracting(Notification::id)
                .containsExactly(first, second);
        assertThat(notifications.claimUndelivered(recipient, Delivery.HTTP, Instant.now())).isEmpty();
        long third = store(recipient, "third");
        assertThat(notifications.claimForSockets(third, Instant.now())).isTrue();
        assertThat(notifications.claimUndelivered(recipient, Delivery.HTTP, Instant.now())).isEmpty();
    }

    @Test
    void everyInstanceMayPushWhatASocketGotButNoneWhatHttpAnswered() {
        long recipient = Events.nextId();
        long pushed = store(recipient, "pushed by one instance");
        assertThat(notifications.claimForSockets(pushed, Instant.now())).isTrue();
        assertThat(notifications.claimForSockets(pushed, Instant.now())).as("another instance, its own sockets").isTrue();

        long answered = store(recipient, "answered over HTTP");
        assertThat(notifications.claimUndelivered(recipient, Delivery.HTTP, Instant.now())).extracting(Notification::id)
                .containsExactly(answered);
        assertThat(notifications.claimForSockets(answered, Instant.now())).isFalse();

        long waited = store(recipient, "waited for a connect");
        assertThat(notifications.claimUndelivered(recipient, Delivery.SOCKET, Instant.now())).extracting(Notification::id)
                .containsExactly(waited);
        assertThat(notifications.claimForSockets(waited, Instant.now())).isTrue();
    }

    @Test
    void storingTwiceGivesTheSameNotification() {
        long recipient = Events.nextId();
        CommentCreated comment = Events.comment(Events.nextId(), "c", Events.nextId(), recipient, "r", "once");
        Notification first = notifications.store(comment);
        assertThat(notifications.store(comment).id()).isEqualTo(first.id());
    }

    @Test
    void aSecondInsertForTheSameCommentIsIgnored() {
        long recipient = Events.nextId();
        CommentCreated comment = Events.comment(Events.nextId(), "c", Events.nextId(), recipient, "r", "hi");
        assertThat(notifications.insert(comment)).isPresent();
        assertThat(notifications.insert(comment)).isEmpty();
    }

    private long store(long recipient, String text) {
        CommentCreated comment = Events.comment(Events.nextId(), "commenter", Events.nextId(), recipient, "r", text);
        return notifications.insert(comment).orElseThrow().id();
    }
}
