package io.bsocial.notifier.support;

import java.time.Duration;
import java.util.List;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.springframework.context.ApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/** Waits on the notifier's Kafka consumers, for tests that must not publish before they listen. */
public final class Listeners {

    private Listeners() {
    }

    /**
     * Until the notifier's storing group has processed everything published on the topic so far:
     * its committed offsets reach the end of every partition. For tests that assert something
     * did <em>not</em> happen, without waiting a fixed time.
     */
    public static void awaitConsumed(String brokers, String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(10, TimeUnit.SECONDS).get(topic).partitions().stream()
                    .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
            Map<TopicPartition, Long> ends = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).entrySet()
                    .stream().collect(Collectors.toMap(Map.Entry::getKey, end -> end.getValue().offset()));
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("bsocial-notifier")
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                return ends.entrySet().stream().allMatch(end -> end.getValue() == 0
                        || (committed.get(end.getKey()) != null
                                && committed.get(end.getKey()).offset() >= end.getValue()));
            });
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Until the instance's own listeners (stored notifications, posts, logouts for its sockets,
     * in no consumer group) run with their partitions: they start at the end of each, and miss
     * what is published before.
     */
    public static void awaitInstanceListeners(ApplicationContext context) {
        KafkaListenerEndpointRegistry registry = context.getBean(KafkaListenerEndpointRegistry.class);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> registry.getListenerContainers().stream()
                .filter(container -> container.getGroupId() == null)
                .allMatch(container -> container.isRunning() && container.getAssignedPartitions() != null
                        && !container.getAssignedPartitions().isEmpty()));
    }

    /** Until every consumer of the topic in the storing group holds partitions. */
    public static void awaitAssigned(KafkaListenerEndpointRegistry registry, String topic) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> registry.getListenerContainers().stream()
                .filter(container -> container.getContainerProperties().getTopics() != null
                        && List.of(container.getContainerProperties().getTopics()).contains(topic))
                .allMatch(container -> container.getAssignedPartitions() != null
                        && !container.getAssignedPartitions().isEmpty()));
    }
}
