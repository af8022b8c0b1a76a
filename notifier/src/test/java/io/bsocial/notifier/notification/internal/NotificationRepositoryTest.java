package io.bsocial.notifier.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.bsocial.notifier.notification.Notification;
import io.bsocial.notifier.notification.Deliveries;
import io.bsocial.notifier.notification.Deliveries.Via;
import io.bsocial.notifier.directory.Actor;
import io.bsocial.notifier.support.Events;
import io.bsocial.shared.events.CommentCreated;

/** Delivery claims, read marks and the notifications list on the real database (H2, and PostgreSQL with -Ppostgres). */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({NotificationRepository.class, Deliveries.class, NotificationRepositoryTest.SystemClock.class})
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@Tag("db")
class NotificationRepositoryTest {

    @Autowired
    NotificationRepository notifications;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Deliveries deliveries;

    @TestConfiguration(proxyBeanMethods = false)
    static class SystemClock {

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }

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
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> readers = new ArrayList<>();
        for (int r = 0; r < 4; r++) {
            readers.add(pool.submit(() -> {
                boolean more = true;
                while (more) {
                    boolean stillWriting = writing.get();
                    List<Notification> claimed = deliveries.claimUndelivered(recipient, Via.HTTP);
                    for (Notification n : claimed) {
                        if (!delivered.add(n.id())) {
                            duplicates.add(n.id());
                        }
                    }
                    more = stillWriting || !claimed.isEmpty();
                }
            }));
        }
        // Several writers at once: their transactions commit in another order than they took ids.
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            int writer = w;
            writers.add(pool.submit(() -> {
                for (int i = 0; i < 50; i++) {
                    created.add(store(recipient, "during " + writer + "/" + i));
                }
            }));
        }
        for (Future<?> writer : writers) {
            writer.get();
        }
        writing.set(false);
        for (Future<?> reader : readers) {
            reader.get();
        }
        pool.shutdown();
        for (Notification n : deliveries.claimUndelivered(recipient, Via.HTTP)) {
            if (!delivered.add(n.id())) {
                duplicates.add(n.id());
            }
        }

        assertThat(duplicates).isEmpty();
        assertThat(delivered).containsExactlyInAnyOrderElementsOf(created);
    }

    /**
     * Three instances push every notification as it is stored while each also catches up tabs that
     * subscribe, and HTTP answers the recipient, all at once (eight threads), by the one rule on
     * {@code delivered_via}. Each notification is then either HTTP's, and no push or catch-up ever
     * had it, or the sockets', and HTTP never answered it. (That a socket hears it once, when both
     * a push and a catch-up reach it, is the sockets' business: {@code OpenSockets}.)
     */
    @Test
    void pushesCatchUpsAndHttpAtOnceLeaveEachNotificationEitherToHttpOrToTheSockets() throws Exception {
        long recipient = Events.nextId();
        List<String> instances = List.of("instance-a", "instance-b", "instance-c");
        Map<String, BlockingQueue<Long>> stored = new ConcurrentHashMap<>();
        Set<Long> bySockets = ConcurrentHashMap.newKeySet();
        for (String instance : instances) {
            stored.put(instance, new LinkedBlockingQueue<>());
        }
        List<Long> byHttp = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Long> created = java.util.Collections.synchronizedList(new ArrayList<>());
        int count = 60;
        AtomicBoolean pushing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> pushers = new ArrayList<>();
        List<Future<?>> others = new ArrayList<>();
        others.add(pool.submit(() -> {
            for (int i = 0; i < count; i++) {
                long id = store(recipient, "stored " + i);
                created.add(id);
                stored.values().forEach(queue -> queue.add(id));
            }
        }));
        for (String instance : instances) {
            pushers.add(pool.submit(() -> {
                for (int i = 0; i < count; i++) {
                    long id = stored.get(instance).poll(30, TimeUnit.SECONDS);
                    if (deliveries.claimForPush(id)) {
                        bySockets.add(id);
                    }
                }
                return null;
            }));
            others.add(pool.submit(() -> {
                while (pushing.get()) {
                    deliveries.claimUndelivered(recipient, Via.PUSH).forEach(n -> bySockets.add(n.id()));
                }
            }));
        }
        others.add(pool.submit(() -> {
            while (pushing.get()) {
                deliveries.claimUndelivered(recipient, Via.HTTP).forEach(n -> byHttp.add(n.id()));
            }
        }));
        for (Future<?> pusher : pushers) {
            pusher.get(60, TimeUnit.SECONDS);
        }
        pushing.set(false);
        for (Future<?> other : others) {
            other.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(created).hasSize(count);
        assertThat(byHttp).doesNotHaveDuplicates();
        for (long id : created) {
            assertThat(byHttp.contains(id) ^ bySockets.contains(id)).as("%d: HTTP's or the sockets', not both, not neither", id)
                    .isTrue();
        }
    }

    /**
     * The bell marks read what it showed. A notification that took its id before the shown one
     * but committed after the bell listed (two consumers storing at once) was never seen: it stays
     * unread. "Everything up to the newest shown id" would have marked it read.
     */
    @Test
    void markingReadWhatTheBellShowedLeavesANotificationThatCommittedLateUnread() throws Exception {
        long recipient = Events.nextId();
        CountDownLatch idTaken = new CountDownLatch(1);
        CountDownLatch mayCommit = new CountDownLatch(1);
        TransactionTemplate transactions = new TransactionTemplate(transactionManager);
        ExecutorService late = Executors.newSingleThreadExecutor();
        try {
            Future<Long> lateId = late.submit(() -> transactions.execute(status -> {
                long id = store(recipient, "takes its id first, commits last");
                idTaken.countDown();
                awaitQuietly(mayCommit);
                return id;
            }));
            assertThat(idTaken.await(30, TimeUnit.SECONDS)).isTrue();
            long shownId = store(recipient, "commits first");
            List<Notification> shown = notifications.recent(recipient, 10);
            assertThat(shown).extracting(Notification::id).containsExactly(shownId);
            mayCommit.countDown();
            assertThat(lateId.get(30, TimeUnit.SECONDS)).isLessThan(shownId);

            notifications.markRead(recipient, shown.stream().map(Notification::id).toList(), Instant.now());

            assertThat(notifications.unread(recipient)).isEqualTo(1);
        } finally {
            late.shutdownNow();
        }
    }

    /**
     * The notifications page pages by id, newest first, while comments keep arriving (several
     * writers, committing in another order than they took ids). Every notification that existed
     * when paging began is listed exactly once, in order; nobody else's ever is.
     */
    @Test
    void pagesComeNewestFirstWithoutRepeatsOrGapsWhileNewOnesArrive() throws Exception {
        long recipient = Events.nextId();
        long someoneElse = Events.nextId();
        List<Long> before = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            before.add(store(recipient, "before " + i));
            store(someoneElse, "not mine " + i);
        }
        AtomicBoolean paging = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
            writers.add(pool.submit(() -> {
                while (paging.get()) {
                    store(recipient, "arrives while paging");
                }
            }));
        }
        List<ListedNotification> listed = new ArrayList<>();
        try {
            long below = Long.MAX_VALUE;
            List<ListedNotification> page;
            do {
                page = notifications.page(recipient, below, 10);
                listed.addAll(page);
                if (!page.isEmpty()) {
                    below = page.get(page.size() - 1).notification().id();
                }
            } while (page.size() == 10);
        } finally {
            paging.set(false);
            for (Future<?> writer : writers) {
                writer.get(30, TimeUnit.SECONDS);
            }
            pool.shutdown();
        }

        List<Long> ids = listed.stream().map(n -> n.notification().id()).toList();
        assertThat(ids).as("newest first, none twice").isSortedAccordingTo(Comparator.reverseOrder())
                .doesNotHaveDuplicates();
        assertThat(ids).containsAll(before);
        assertThat(listed).allSatisfy(n -> assertThat(n.read()).isFalse());
        assertThat(notifications.page(someoneElse, Long.MAX_VALUE, 100)).extracting(n -> n.notification().id())
                .doesNotContainAnyElementsOf(ids);
    }

    @Test
    void listingSaysWhatWasReadAndDeliversNothing() {
        long recipient = Events.nextId();
        long first = store(recipient, "first");
        long second = store(recipient, "second");
        notifications.markRead(recipient, List.of(first), Instant.now());

        assertThat(notifications.page(recipient, Long.MAX_VALUE, 10))
                .extracting(n -> n.notification().id(), ListedNotification::read)
                .containsExactly(tuple(second, false),
                        tuple(first, true));
        assertThat(deliveries.claimUndelivered(recipient, Via.HTTP)).extracting(Notification::id)
                .as("listing is not delivery").containsExactly(first, second);
    }

    /**
     * "Mark all as read" marks what is unread at that moment. A notification that took its id
     * before (a lower id than ones it marks) but commits after it was never seen: it stays unread.
     */
    @Test
    void markingAllReadLeavesANotificationThatCommitsAfterwardsUnread() throws Exception {
        long recipient = Events.nextId();
        CountDownLatch idTaken = new CountDownLatch(1);
        CountDownLatch mayCommit = new CountDownLatch(1);
        TransactionTemplate transactions = new TransactionTemplate(transactionManager);
        ExecutorService late = Executors.newSingleThreadExecutor();
        try {
            Future<Long> lateId = late.submit(() -> transactions.execute(status -> {
                long id = store(recipient, "takes its id first, commits after the click");
                idTaken.countDown();
                awaitQuietly(mayCommit);
                return id;
            }));
            assertThat(idTaken.await(30, TimeUnit.SECONDS)).isTrue();
            long seen = store(recipient, "on the page when the button is pressed");

            assertThat(notifications.markAllRead(recipient, Instant.now())).isEqualTo(1);
            mayCommit.countDown();
            long lateOne = lateId.get(30, TimeUnit.SECONDS);

            assertThat(lateOne).isLessThan(seen);
            assertThat(notifications.unread(recipient)).isEqualTo(1);
            assertThat(notifications.page(recipient, Long.MAX_VALUE, 10))
                    .filteredOn(n -> !n.read()).extracting(n -> n.notification().id()).containsExactly(lateOne);
        } finally {
            late.shutdownNow();
        }
    }

    @Test
    void markingAllReadTouchesOnlyTheCallersOwnNotifications() {
        long recipient = Events.nextId();
        long someoneElse = Events.nextId();
        store(recipient, "mine");
        store(someoneElse, "theirs");

        assertThat(notifications.markAllRead(recipient, Instant.now())).isEqualTo(1);
        assertThat(notifications.unread(recipient)).isZero();
        assertThat(notifications.unread(someoneElse)).isEqualTo(1);
    }

    @Test
    void markingReadTouchesOnlyTheCallersOwnNotifications() {
        long recipient = Events.nextId();
        long someoneElse = Events.nextId();
        long mine = store(recipient, "mine");
        long theirs = store(someoneElse, "theirs");

        assertThat(notifications.markRead(recipient, List.of(mine, theirs), Instant.now())).isEqualTo(1);
        assertThat(notifications.unread(recipient)).isZero();
        assertThat(notifications.unread(someoneElse)).isEqualTo(1);
    }

    @Test
    void undeliveredComeOldestFirstAndOnlyOnce() {
        long recipient = Events.nextId();
        long first = store(recipient, "first");
        long second = store(recipient, "second");
        store(Events.nextId(), "someone else's");

        assertThat(deliveries.claimUndelivered(recipient, Via.HTTP)).extracting(Notification::id)
                .containsExactly(first, second);
        assertThat(deliveries.claimUndelivered(recipient, Via.HTTP)).isEmpty();
        long third = store(recipient, "third");
        assertThat(deliveries.claimForPush(third)).isTrue();
        assertThat(deliveries.claimUndelivered(recipient, Via.HTTP)).isEmpty();
    }

    @Test
    void everyInstanceMayPushWhatASocketGotButNoneWhatHttpAnswered() {
        long recipient = Events.nextId();
        long pushed = store(recipient, "pushed by one instance");
        assertThat(deliveries.claimForPush(pushed)).isTrue();
        assertThat(deliveries.claimForPush(pushed)).as("another instance, its own sockets").isTrue();

        long answered = store(recipient, "answered over HTTP");
        assertThat(deliveries.claimUndelivered(recipient, Via.HTTP)).extracting(Notification::id)
                .containsExactly(answered);
        assertThat(deliveries.claimForPush(answered)).isFalse();

        long waited = store(recipient, "waited for a connect");
        assertThat(deliveries.claimUndelivered(recipient, Via.PUSH))
                .extracting(Notification::id).containsExactly(waited);
        assertThat(deliveries.claimForPush(waited)).isTrue();
        assertThat(deliveries.claimUndelivered(recipient, Via.HTTP)).isEmpty();
    }

    @Test
    void storingTwiceGivesTheSameNotification() {
        long recipient = Events.nextId();
        CommentCreated comment = Events.comment(Events.nextId(), "c", Events.nextId(), recipient, "r", "once");
        Notification first = notifications.insert(comment).orElseThrow();
        assertThat(notifications.insert(comment)).isEmpty();
        assertThat(notifications.recent(recipient, 10)).extracting(Notification::id).containsExactly(first.id());
    }

    @Test
    void aSecondInsertForTheSameCommentIsIgnored() {
        long recipient = Events.nextId();
        CommentCreated comment = Events.comment(Events.nextId(), "c", Events.nextId(), recipient, "r", "hi");
        assertThat(notifications.insert(comment)).isPresent();
        assertThat(notifications.insert(comment)).isEmpty();
    }

    @Test
    void aNotificationShowsTheEventsUsernameAndTheDirectorysNamesOnceKnown() {
        long commenter = Events.nextId();
        long author = Events.nextId();
        Notification before = notifications.insert(Events.comment(commenter, "grace", Events.nextId(), author, "a",
                "before she registered")).orElseThrow();
        assertThat(before.actor()).isEqualTo(new Actor(commenter, "grace", null, null));

        // As the directory writes it when grace's user-registered arrives.
        jdbc.sql("INSERT INTO notifier_users (id, username, first_name, last_name) VALUES (?, 'grace-renamed', 'Grace', 'Hopper')")
                .param(commenter).update();

        assertThat(notifications.find(before.id()).orElseThrow().actor())
                .isEqualTo(new Actor(commenter, "grace", "Grace", "Hopper"));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long store(long recipient, String text) {
        CommentCreated comment = Events.comment(Events.nextId(), "commenter", Events.nextId(), recipient, "r", text);
        return notifications.insert(comment).orElseThrow().id();
    }
}
