package io.bsocial.web.outbox.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import io.bsocial.shared.events.Actor;
import io.bsocial.shared.events.EventTopics;
import io.bsocial.shared.events.PostCreated;
import io.bsocial.web.WebAppTest;
import io.bsocial.web.support.KafkaRecorder;
import io.bsocial.web.support.KafkaRecorder.Message;

/**
 * The relay against a real broker, on a database of its own so that no other test's relay takes
 * part: publishing is woken by commits, restarts and several relays never publish an
 * acknowledged entry twice, and the one window that can repeat a message is covered by eventId.
 */
@WebAppTest
@DirtiesContext
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:relay-test;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        // Polling would hide a missing wake-up: only commits may trigger publishing here.
        "bsocial.outbox.poll-interval=1h",
        "bsocial.outbox.batch-size=20"})
class OutboxRelayTest {

    @RegisterExtension
    static final KafkaRecorder kafka = KafkaRecorder.ofEmbeddedBroker();

    @Autowired
    EventOutbox events;

    @Autowired
    ApplicationEventPublisher publisher;

    @Autowired
    OutboxRelay relay;

    @Autowired
    OutboxRepository outbox;

    @Autowired
    KafkaTemplate<String, String> template;

    @Autowired
    KafkaAdmin admin;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    OutboxProperties properties;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCommitWakesTheRelayAtOnceAndPublishedEntriesAreDeleted() {
        List<PostCreated> recorded = record(3, "woken");

        awaitPublished(recorded);
        assertThat(outbox.backlog()).isZero();
    }

    @Test
    void aRolledBackTransactionPublishesNothing() {
        // Published as features publish it: an application event, stored by the outbox's listener.
        PostCreated ghost = event(-1, "rolled back");
        try {
            transactions.executeWithoutResult(status -> {
                publisher.publishEvent(ghost);
                throw new IllegalStateException("the fact failed");
            });
        } catch (IllegalStateException expected) {
            // the fact and its event are gone together
        }
        List<PostCreated> after = record(1, "after the rollback");
        awaitPublished(after);
        assertThat(kafka.matching(m -> m.value().contains(ghost.eventId().toString()))).isEmpty();
    }

    @Test
    void anEventPublishedOutsideATransactionIsRefusedNotStoredOnItsOwn() {
        PostCreated loose = event(-2, "no transaction");
        assertThatThrownBy(() -> publisher.publishEvent(loose)).isInstanceOf(IllegalTransactionStateException.class);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbox_events WHERE event_id = ?").param(loose.eventId().toString())
                .query(Long.class).single()).isZero();
    }

    @Test
    void aRestartedRelayPublishesNothingItHadAlreadyAcknowledged() {
        List<PostCreated> first = record(45, "before restart");
        awaitPublished(first);

        relay.stop();
        List<PostCreated> waiting = record(30, "while stopped");
        assertThat(outbox.backlog()).isEqualTo(30);
        relay.start();
        relay.wakeUp();

        awaitPublished(waiting);
        assertExactlyOnce(first);
        assertExactlyOnce(waiting);
    }

    @Test
    void severalRelaysDrainingTogetherPublishEachEntryOnce() {
        List<OutboxRelay> relays = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            relays.add(new OutboxRelay(outbox, template, admin, transactions, properties, Clock.systemUTC()));
        }
        relay.stop();
        List<PostCreated> recorded = record(200, "many relays");
        try {
            relays.forEach(OutboxRelay::start);
            relay.start();
            relays.forEach(OutboxRelay::wakeUp);
            relay.wakeUp();
            awaitPublished(recorded);
        } finally {
            relays.forEach(OutboxRelay::stop);
        }
        assertExactlyOnce(recorded);
        assertKeyOrder(recorded);
    }

    /**
     * The one window that repeats a message: Kafka acknowledged it but the delete did not commit
     * (a crash, here a failing delete). The entry goes out again with the same eventId; consumers
     * keep one message per eventId (the notifier and indexer tests show that they do).
     */
    @Test
    void anAcknowledgementWhoseDeleteFailedIsPublishedAgainWithTheSameEventId() {
        AtomicBoolean failNextDelete = new AtomicBoolean(true);
        OutboxRepository crashingOnce = new OutboxRepository(jdbc) {
            @Override
            void delete(List<Long> ids) {
                if (failNextDelete.getAndSet(false)) {
                    throw new IllegalStateException("crash after the acknowledgement");
                }
                super.delete(ids);
            }
        };
        OutboxRelay crashing = new OutboxRelay(crashingOnce, template, admin, transactions, properties,
                Clock.systemUTC());
        relay.stop();
        try {
            List<PostCreated> recorded = record(5, "crash window");
            crashing.start();
            crashing.wakeUp();
            List<Message> published = kafka.await(10, m -> recorded.stream()
                    .anyMatch(e -> m.value().contains(e.eventId().toString())));

            Map<String, Long> copies = published.stream()
                    .collect(Collectors.groupingBy(m -> m.json().get("eventId").asString(), Collectors.counting()));
            assertThat(copies).hasSize(5).allSatisfy((eventId, count) -> assertThat(count).isEqualTo(2L));
            // The second round's delete commits just after Kafka's acknowledgement.
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> outbox.backlog() == 0);
        } finally {
            crashing.stop();
            relay.start();
        }
    }

    private List<PostCreated> record(int count, String label) {
        List<PostCreated> recorded = new ArrayList<>();
        transactions.executeWithoutResult(status -> {
            for (int i = 0; i < count; i++) {
                PostCreated event = event(i % 7, label + " " + i);
                events.record(event);
                recorded.add(event);
            }
        });
        return recorded;
    }

    private static PostCreated event(long postId, String content) {
        return PostCreated.of(new Actor(1, "relay", "relay@example.com"), postId, content, Instant.now());
    }

    private void awaitPublished(List<PostCreated> recorded) {
        Set<String> ids = recorded.stream().map(e -> e.eventId().toString()).collect(Collectors.toSet());
        kafka.await(ids.size(), m -> m.topic().equals(EventTopics.POST_CREATED)
                && ids.contains(m.json().get("eventId").asString()));
    }

    private void assertExactlyOnce(List<PostCreated> recorded) {
        Set<String> ids = recorded.stream().map(e -> e.eventId().toString()).collect(Collectors.toSet());
        Map<String, Long> copies = kafka.matching(m -> ids.contains(m.json().get("eventId").asString())).stream()
                .collect(Collectors.groupingBy(m -> m.json().get("eventId").asString(), Collectors.counting()));
        assertThat(copies).hasSize(ids.size()).allSatisfy((id, count) -> assertThat(count).isEqualTo(1L));
    }

    /** Messages of one key arrive in the order their facts were recorded. */
    private void assertKeyOrder(List<PostCreated> recorded) {
        Map<String, Integer> position = new java.util.HashMap<>();
        for (int i = 0; i < recorded.size(); i++) {
            position.put(recorded.get(i).eventId().toString(), i);
        }
        Map<String, List<Integer>> byKey = kafka.matching(m -> position.containsKey(m.json().get("eventId").asString()))
                .stream().collect(Collectors.groupingBy(Message::key,
                        Collectors.mapping(m -> position.get(m.json().get("eventId").asString()), Collectors.toList())));
        assertThat(byKey).hasSize(7).allSatisfy((key, order) -> assertThat(order).isSorted());
    }
}
