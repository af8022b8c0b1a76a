package io.bsocial.notifier.notification;

import java.util.List;

import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;

import io.bsocial.shared.events.EventJson;
import io.bsocial.shared.events.TopicProperties;

/**
 * The notifier's own topic of stored notifications: the storing consumer announces each new
 * notification here once its row is committed, and every instance reads all of it (in a group of
 * its own) to push to the sockets open on it. A push therefore never precedes the row it claims.
 * Retractions (a deleted comment or post) travel the same way, keyed by the same recipient, so an
 * instance reads a notification's arrival and its retraction in the order they were announced.
 */
@Configuration(proxyBeanMethods = false)
public class StoredNotifications {

    public static final String TOPIC = "bsocial.notifier.stored";

    private static final Logger log = LoggerFactory.getLogger(StoredNotifications.class);

    /**
     * What a push needs: whose user destination it goes to, and either the notification as
     * clients get it or the ids of the recipient's notifications that were retracted.
     */
    public record Stored(long recipientId, String recipientUsername, Notification notification,
            List<Long> retracted) {

        static Stored of(long recipientId, String recipientUsername, Notification notification) {
            return new Stored(recipientId, recipientUsername, notification, null);
        }

        public boolean isRetraction() {
            return retracted != null;
        }

        public static Stored read(String json) {
            return EventJson.mapper().readValue(json, Stored.class);
        }
    }

    private final KafkaTemplate<String, String> kafka;

    StoredNotifications(KafkaTemplate<String, String> kafka) {
        this.kafka = kafka;
    }

    @Bean
    NewTopic storedNotificationsTopic(TopicProperties topics) {
        return new NewTopic(TOPIC, topics.partitions(), topics.replicationFactor());
    }

    /**
     * Announces a committed notification. Not waited for: if it is lost (Kafka away, a crash right
     * after the commit) the notification stays undelivered, and HTTP or the next subscribe takes it.
     */
    void announce(Stored stored) {
        send(stored, "notification " + stored.notification().id() + " stored");
    }

    /**
     * Announces deleted notifications, for a live retraction. Not waited for either: if it is
     * lost, an open bell shows them until its next load from HTTP, which no longer lists them.
     * Nobody to name (a row older than recipient names, from a user the directory never heard
     * of) is nobody to push to.
     */
    void announce(NotificationRepository.Retracted retracted) {
        if (retracted.recipientUsername() != null) {
            send(new Stored(retracted.recipientId(), retracted.recipientUsername(), null, retracted.ids()),
                    "notifications " + retracted.ids() + " retracted");
        }
    }

    private void send(Stored stored, String what) {
        kafka.send(TOPIC, Long.toString(stored.recipientId()), EventJson.mapper().writeValueAsString(stored))
                .whenComplete((sent, failure) -> {
                    if (failure != null) {
                        log.warn("{} but not announced for a push: {}", what, failure.toString());
                    }
                });
    }
}
