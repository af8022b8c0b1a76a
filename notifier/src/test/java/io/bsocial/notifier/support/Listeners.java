package io.bsocial.notifier.support;

import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/** Waits on the notifier's Kafka consumers, for tests that must not publish before they listen. */
public final class Listeners {

    private Listeners() {
    }

    /**
     * Until every consumer of the topic holds partitions. A group that starts from the latest
     * offset (the per-instance push group) misses what is published before that.
     */
    public static void awaitAssigned(KafkaListenerEndpointRegistry registry, String topic) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> registry.getListenerContainers().stream()
                .filter(container -> List.of(container.getContainerProperties().getTopics()).contains(topic))
                .allMatch(container -> container.getAssignedPartitions() != null
                        && !container.getAssignedPartitions().isEmpty()));
    }
}
