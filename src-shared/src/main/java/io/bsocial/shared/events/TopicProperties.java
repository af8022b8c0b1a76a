package io.bsocial.shared.events;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How bSocial's topics are created: {@code bsocial.kafka.partitions}, {@code bsocial.kafka.replication-factor}. */
@ConfigurationProperties("bsocial.kafka")
public record TopicProperties(@DefaultValue("3") int partitions, @DefaultValue("1") short replicationFactor) {
}
