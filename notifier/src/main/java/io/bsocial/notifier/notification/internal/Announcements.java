package io.bsocial.notifier.notification.internal;

import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;

import io.bsocial.notifier.notification.Notification;
import io.bsocial.notifier.notification.StoredNotifications;
import io.bsocial.notifier.notification.StoredNotifications.Stored;
import io.bsocial.shared.events.EventJson;
import io.bsocial.shared.events.TopicProperties;

/**
 * Announces what the consumer group stored or retracted on {@link StoredNotifications#TOPIC}, for
 * every instance to push to its own sockets. Best effort, never waited for: the row is what counts.
 */
@Configuration(proxyBeanMethods = false)
class Announcements {

    private static final Logger log = LoggerFactory.getLogger(Announcements.class);

    private final KafkaTemplate<String, String> kafka;

    Announcements(KafkaTemplate<String, String> kafka) {
        this.kafka = kafka;
    }

    @Bean
    NewTopic storedNotificationsTopic(TopicProperties topics) {
        // Its messages name recipients and carry excerpts: kept no longer than the event topics'.
        return new NewTopic(StoredNotifications.TOPIC, topics.partitions(), topics.replicationFactor())
                .configs(java.util.Map.of("retention.ms", String.valueOf(topics.retention().toMillis())));
    }

    /**
     * A committed notification. If the announcement is lost (Kafka away, a crash right after the
     * commit) the notification stays undelivered, and HTTP or the next subscribe takes it.
     */
    void stored(long recipientId, String recipientUsername, Notification notification) {
        if (recipientUsername == null) {
            return; // a recipient the directory never named has no user destination: HTTP delivers it
        }
        send(Stored.of(recipientId, recipientUsername, notification), "notification " + notification.id() + " stored");
    }

    /**
     * Deleted notifications, for a live retraction. If it is lost, an open bell shows them until
     * its next load from HTTP, which no longer lists them. Nobody to name (a row older than
     * recipient names, from a user the directory never heard of) is nobody to push to.
     */
    void retracted(NotificationRepository.Retracted retracted) {
        if (retracted.recipientUsername() != null) {
            send(new Stored(retracted.recipientId(), retracted.recipientUsername(), null, retracted.ids()),
                    "notifications " + retracted.ids() + " retracted");
        }
    }

    /** What one event of the conversation stored and took back. */
    void changes(ConversationRepository.Changes changes) {
        changes.stored().forEach(arrival -> stored(arrival.recipientId(), arrival.recipientUsername(), arrival.notification()));
        changes.retracted().forEach(this::retracted);
    }

    private void send(Stored stored, String what) {
        kafka.send(StoredNotifications.TOPIC, Long.toString(stored.recipientId()), EventJson.mapper().writeValueAsString(stored))
                .whenComplete((sent, failure) -> {
                    if (failure != null) {
                        log.warn("{} but not announced for a push: {}", what, failure.toString());
                    }
                });
    }
}
