package io.bsocial.shared.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Declares every bSocial topic (every event topic of {@link EventTopics#ALL} and the dead-letter topic). Each service
 * imports it, so whichever starts first creates them; creating an existing topic changes nothing.
 * Partitions: {@code bsocial.kafka.partitions} (3); replicas: {@code bsocial.kafka.replication-factor} (1);
 * every topic keeps messages for {@code bsocial.kafka.retention} (7 days, {@code retention.ms}): the
 * events carry personal data, so Kafka forgets them after a bounded time. A topic created before
 * with another retention gets this one at the next start ({@link #retentionKept}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TopicProperties.class)
public class EventTopicsConfiguration {

    @Bean
    KafkaAdmin.NewTopics bsocialTopics(TopicProperties properties) {
        List<NewTopic> topics = new ArrayList<>();
        Map<String, String> forgetting = Map.of("retention.ms", String.valueOf(properties.retention().toMillis()));
        for (String name : EventTopics.ALL) {
            topics.add(new NewTopic(name, properties.partitions(), properties.replicationFactor()).configs(forgetting));
        }
        topics.add(new NewTopic(EventTopics.DEAD_LETTER, properties.partitions(), properties.replicationFactor())
                .configs(forgetting));
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    /**
     * The topics' configuration is kept as declared: an existing topic whose {@code retention.ms}
     * differs (created before, or by hand) is altered when a service starts.
     */
    @Bean
    static BeanPostProcessor retentionKept() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof KafkaAdmin admin) {
                    admin.setModifyTopicConfigs(true);
                }
                return bean;
            }
        };
    }
}
