package io.bsocial.shared.events;

import java.util.Arrays;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.util.StringUtils;

/**
 * How every listener container of a consuming service is set up (Boot applies one customizer):
 * each delivery carries its attempt number, which a dead letter keeps (how often it was tried),
 * and the consumers have static group membership.
 *
 * <p>Static membership: a consumer that died (kill -9, a crash) keeps its partitions until the
 * group's session timeout; without it, a restarted notifier or indexer waited about 45 s before
 * reading again. With a stable
 * {@code group.instance.id} the restarted consumer takes its predecessor's place, and its
 * partitions, at once.
 *
 * <p>{@code bsocial.kafka.instance-id} ({@code BSOCIAL_KAFKA_INSTANCE_ID}) names the instance: it
 * must stay the same across restarts of one instance and differ between instances (two live
 * consumers with one id fence each other). `./bsocial up` sets {@code <host>-<service>}; unset,
 * membership stays dynamic. Each listener's group and each consumer thread get their own suffix.
 */
@Configuration(proxyBeanMethods = false)
public class ListenerContainers {

    @Bean
    ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> listenerContainers(
            @Value("${bsocial.kafka.instance-id:}") String instanceId) {
        return container -> {
            container.getContainerProperties().setDeliveryAttemptHeader(true);
            if (StringUtils.hasText(instanceId)) {
                container.getContainerProperties().getKafkaConsumerProperties().setProperty(
                        ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, memberId(instanceId, container));
            }
        };
    }

    /**
     * One id per instance and listener: two listeners may share a group (the notifier's comments
     * and registrations), so the listener's topics are part of it, as a stable hash. Spring Kafka
     * adds "-0", "-1"… per consumer thread of a concurrent container.
     */
    static String memberId(String instanceId, ConcurrentMessageListenerContainer<?, ?> container) {
        String[] topics = container.getContainerProperties().getTopics();
        int listener = topics == null ? 0 : Arrays.hashCode(topics);
        return instanceId + "-" + container.getGroupId() + "-" + Integer.toHexString(listener);
    }
}
