package io.bsocial.notifier.notification;

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
 */
@Configuration(proxyBeanMethods = false)
public class StoredNotifications {

    public static final String TOPIC = "bsocial.notifier.stored";

    private static final Logger log = LoggerFactory.getLogger(StoredNotifications.class);

    /** What a push needs: the notification as clients get it, and whose user destination it goes to. */
    public record Stored(long recipientId, String recipientUsername, Notification notification) {

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
        kafka.send(TOPIC, Long.toString(stored.recipientId()), EventJson.mapper().writeValueAsString(stored))
                .whenComplete((sent, failure) -> {
                    if (failure != null) {
                        log.warn("notification {} stored but not announced for a push: {}",
                                stored.notification().id(), failure.toString());
                    }
                });
    }
}
