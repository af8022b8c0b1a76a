package io.bsocial.notifier.live.internal;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

import io.bsocial.shared.events.TopicProperties;

/**
 * What every notifier instance hears for the sockets it holds — stored notifications, posts,
 * logouts — comes through listeners of this factory ({@code containerFactory = FACTORY}). Each
 * partition of their topic is assigned to the instance ({@code assign()}, as many as bSocial
 * creates: {@code bsocial.kafka.partitions}) and read from its end, in no consumer group, with
 * nothing committed: a restart leaves nothing on the broker, and what was published while the
 * instance was away is not for sockets that did not exist then. A listener that fails is logged
 * and skipped (pushes are best effort: the store is what counts).
 */
@Configuration(proxyBeanMethods = false)
class InstanceListeners {

    static final String FACTORY = "instanceListenerFactory";
    /** Every partition of a topic, for {@code @TopicPartition(partitions = …)}. */
    static final String EVERY_PARTITION = "#{@everyPartition}";

    @Bean(FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, String> instanceListenerFactory(KafkaProperties kafka) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        var factory = new ConcurrentKafkaListenerContainerFactory<String, String>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), new StringDeserializer()));
        factory.getContainerProperties().setAckMode(AckMode.MANUAL); // never acknowledged: no group to commit to
        factory.setCommonErrorHandler(new DefaultErrorHandler(new FixedBackOff(0, 0)));
        return factory;
    }

    @Bean
    String everyPartition(TopicProperties topics) {
        return "0-" + (topics.partitions() - 1);
    }

    /**
     * DOWN when one of these listeners stopped (Spring Kafka stops a container that an
     * {@link Error} went through): this instance would no longer push.
     */
    @Bean
    HealthIndicator instanceListenersHealth(KafkaListenerEndpointRegistry registry) {
        return () -> {
            var stopped = registry.getListenerContainers().stream()
                    .filter(container -> container.getGroupId() == null && !container.isRunning())
                    .map(container -> container.getListenerId()).toList();
            return (stopped.isEmpty() ? Health.up() : Health.down().withDetail("stopped", stopped)).build();
        };
    }
}
