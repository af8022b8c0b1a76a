package io.bsocial.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.TopicPartitionOffset;

import io.bsocial.notifier.notification.StoredNotifications;
import io.bsocial.notifier.support.Listeners;
import io.bsocial.shared.events.EventTopics;
import io.bsocial.shared.testing.KafkaUsageTable;
import io.bsocial.shared.testing.KafkaUsageTable.Row;

/**
 * What the notifier leaves on the broker and what it reads: one consumer group, which stores, and
 * for each instance a consumer that belongs to no group. Restarts leave no group behind (before,
 * each start left four groups named by a random suffix), and docs/architecture.md says exactly
 * what the running notifier does.
 */
@NotifierTest
class KafkaFootprintTest {

    private static final String NO_GROUP = "(no group)";

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void theArchitectureTableSaysWhichGroupsAndTopicsTheNotifierUses() {
        Map<String, Set<String>> readByGroup = new TreeMap<>();
        for (MessageListenerContainer container : listeners.getListenerContainers()) {
            ContainerProperties properties = container.getContainerProperties();
            Stream<String> topics = properties.getTopicPartitions() == null ? Stream.of(properties.getTopics())
                    : Stream.of(properties.getTopicPartitions()).map(TopicPartitionOffset::getTopic);
            readByGroup.computeIfAbsent(Objects.toString(container.getGroupId(), NO_GROUP), group -> new TreeSet<>())
                    .addAll(topics.toList());
        }

        List<Row> documented = KafkaUsageTable.rows(Path.of("..", "docs", "architecture.md"), "notifier");
        assertThat(documented.stream().collect(Collectors.toMap(row -> Objects.toString(row.group(), NO_GROUP), Row::reads)))
                .isEqualTo(readByGroup);
        assertThat(documented.stream().flatMap(row -> row.writes().stream()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(StoredNotifications.TOPIC, EventTopics.DEAD_LETTER);
    }

    /** Three restarts of an instance: the broker lists the same notifier groups as after its first start. */
    @Test
    void restartsLeaveNoConsumerGroupBehindOnTheBroker() throws Exception {
        String brokers = System.getProperty("spring.embedded.kafka.brokers");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            startAndStop(brokers);
            Set<String> afterFirst = notifierGroups(admin);
            for (int restart = 0; restart < 3; restart++) {
                startAndStop(brokers);
            }
            assertThat(notifierGroups(admin)).isEqualTo(afterFirst).contains("bsocial-notifier");
        }
    }

    private static void startAndStop(String brokers) {
        try (ConfigurableApplicationContext instance = new SpringApplicationBuilder(NotifierApplication.class).run(
                "--server.port=0", "--spring.jmx.enabled=false", "--spring.kafka.bootstrap-servers=" + brokers)) {
            // Up and reading: its group members hold partitions, its instance listeners run.
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> instance
                    .getBean(KafkaListenerEndpointRegistry.class).getListenerContainers().stream()
                    .allMatch(container -> container.getAssignedPartitions() != null));
            Listeners.awaitInstanceListeners(instance);
        }
    }

    private static Set<String> notifierGroups(Admin admin) throws Exception {
        return admin.listGroups().all().get(10, TimeUnit.SECONDS).stream().map(GroupListing::groupId)
                .filter(group -> group.startsWith("bsocial-notifier")).collect(Collectors.toCollection(TreeSet::new));
    }
}
