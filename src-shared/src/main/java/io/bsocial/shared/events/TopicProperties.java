package io.bsocial.shared.events;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How bSocial's topics are created: {@code bsocial.kafka.partitions}, {@code bsocial.kafka.replication-factor},
 * and {@code bsocial.kafka.retention} (7 days): how long Kafka keeps a message. Every event names a
 * person (the actor's id, username, mostly the e-mail), so every topic forgets after this bounded
 * time; a deleted account's messages are gone from Kafka at the latest then (docs/events.md).
 */
@ConfigurationProperties("bsocial.kafka")
public record TopicProperties(@DefaultValue("3") int partitions, @DefaultValue("1") short replicationFactor,
        @DefaultValue("7d") Duration retention) {
}
