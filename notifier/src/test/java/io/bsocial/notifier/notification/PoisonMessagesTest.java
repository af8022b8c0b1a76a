package io.bsocial.notifier.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.session.SessionRepository;

import io.bsocial.notifier.NotifierTest;
import io.bsocial.notifier.support.Events;
import io.bsocial.notifier.support.TestSessions;
import io.bsocial.notifier.support.TestSessions.LoggedIn;
import io.bsocial.shared.events.Actor;
import io.bsocial.shared.events.CommentCreated;
import io.bsocial.shared.events.EventJson;
import io.bsocial.shared.events.EventTopics;
import io.bsocial.shared.events.UserRegistered;
import io.bsocial.shared.testing.DeadLetterTopic;

/**
 * Messages that parse but that the database refuses (a username longer than its column, a missing
 * first name) must not stall their partition: after the bounded tries ({@code @NotifierTest} sets
 * three) they go to {@code bsocial.dlt} with the reason, and the messages behind them, on the same
 * partition, are processed.
 */
@NotifierTest
class PoisonMessagesTest {

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SessionRepository<?> sessions;

    @Test
    void registrationsTheDatabaseRefusesAreDeadLetteredAfterTheBoundedTriesAndTheRestGoesOn() {
        String marker = UUID.randomUUID().toString().replace("-", "");
        // One key: every message below is on the same partition, in this order.
        String key = "poison-" + Events.nextId();
        UserRegistered before = registered("before" + Events.nextId(), "Ada");
        UserRegistered tooLong = registered("u" + marker + "toolong", "Alan");
        UserRegistered noFirstName = registered("nofirst" + Events.nextId(), null, marker);
        List<UserRegistered> after = List.of(registered("after" + Events.nextId(), "Grace"),
                registered("after" + Events.nextId(), "Katherine"), registered("after" + Events.nextId(), "Linus"));
        assertThat(tooLong.username()).hasSizeGreaterThan(30);

        publish(key, before);
        publish(key, tooLong);
        publish(key, noFirstName);
        after.forEach(user -> publish(key, user));

        awaitKnown(before);
        after.forEach(this::awaitKnown);
        assertThat(firstName(after.get(2))).isEqualTo("Linus");
        assertThat(count(tooLong)).isZero();
        assertThat(count(noFirstName)).isZero();

        List<ConsumerRecord<String, String>> dead = DeadLetterTopic.await(brokers(), marker, 2);
        assertThat(dead).hasSize(2).allSatisfy(record -> {
            assertThat(header(record, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(EventTopics.USER_REGISTERED);
            assertThat(header(record, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN))
                    .isEqualTo(DataIntegrityViolationException.class.getName());
            assertThat(header(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).isNotBlank();
            assertThat(attempts(record)).as("tried the configured number of times").isEqualTo(3);
            assertThat(record.key()).isEqualTo(key);
        });
        assertThat(dead).extracting(ConsumerRecord::value).containsExactlyInAnyOrder(
                EventJson.write(tooLong), EventJson.write(noFirstName));
    }

    @Test
    void aCommentTheDatabaseRefusesIsDeadLetteredAndTheCommentsBehindItAreNotified() {
        LoggedIn author = TestSessions.login(sessions, Events.nextId(), "author" + Events.nextId());
        String marker = UUID.randomUUID().toString();
        long postId = Events.nextId();
        // The actor's username does not fit notifications.actor_username (30 characters).
        CommentCreated refused = CommentCreated.of(new Actor(Events.nextId(), "c" + marker, "c@example.com"), postId,
                Events.nextId(), "refused " + marker, author.id(), author.username(), Instant.now());
        CommentCreated next = Events.comment(Events.nextId(), "commenter" + Events.nextId(), postId, author.id(),
                author.username(), "behind the refused one");
        Events.publish(kafka, refused);
        Events.publish(kafka, next);

        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> jdbc
                .sql("SELECT COUNT(*) FROM notifications WHERE comment_id = ?").param(next.commentId())
                .query(Long.class).single() == 1);
        List<ConsumerRecord<String, String>> dead = DeadLetterTopic.await(brokers(), marker, 1);
        assertThat(dead).singleElement().satisfies(record -> {
            assertThat(header(record, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(EventTopics.COMMENT_CREATED);
            assertThat(header(record, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN))
                    .isEqualTo(DataIntegrityViolationException.class.getName());
            assertThat(header(record, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP)).isEqualTo("bsocial-notifier");
        });
    }

    private void publish(String key, UserRegistered user) {
        Events.publishRaw(kafka, EventTopics.USER_REGISTERED, key, EventJson.write(user));
    }

    private static UserRegistered registered(String username, String firstName) {
        return registered(username, firstName, "Last");
    }

    private static UserRegistered registered(String username, String firstName, String lastName) {
        return UserRegistered.of(new Actor(Events.nextId(), username, username + "@example.com"), firstName, lastName,
                Instant.now());
    }

    private void awaitKnown(UserRegistered user) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> count(user) == 1);
    }

    private long count(UserRegistered user) {
        return jdbc.sql("SELECT COUNT(*) FROM notifier_users WHERE id = ?").param(user.userId())
                .query(Long.class).single();
    }

    private String firstName(UserRegistered user) {
        return jdbc.sql("SELECT first_name FROM notifier_users WHERE id = ?").param(user.userId())
                .query(String.class).single();
    }

    private static String brokers() {
        return System.getProperty("spring.embedded.kafka.brokers");
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static int attempts(ConsumerRecord<String, String> record) {
        var header = record.headers().lastHeader(KafkaHeaders.DELIVERY_ATTEMPT);
        return header == null ? 0 : ByteBuffer.wrap(header.value()).getInt();
    }
}
