package io.bsocial.shared.events;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Declares every bSocial topic (every event topic of {@link EventTopics#ALL} and the dead-letter topic). Each service
 * imports it, so whichever starts first creates them; creating an existing topic changes nothing.
 * Partitions: {@code bsocial.kafka.partitions} (3); replicas: {@code bsocial.kafka.replication-factor} (1).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TopicProperties.class)
public class EventTopicsConfiguration {

    @Bean
    KafkaAdmin.NewTopics bsocialTopics(TopicProperties properties) {
        List<NewTopic> topics = new ArrayList<>();
        for (String name : EventTopics.ALL) {
            topics.add(new NewTopic(name, properties.partitions(), properties.replicationFactor()));
        }
        topics.add(new NewTopic(EventTopics.DEAD_LETTER, properties.partitions(), properties.replicationFactor()));
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }
}
