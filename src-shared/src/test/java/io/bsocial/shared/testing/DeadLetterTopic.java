package io.bsocial.shared.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

import io.bsocial.shared.events.EventTopics;

/** Reads the dead-letter topic from the beginning, as an operator would, for the services' tests. */
public final class DeadLetterTopic {

    private DeadLetterTopic() {
    }

    /** Waits until {@code expected} dead letters whose value contains {@code marker} arrived. */
    public static List<ConsumerRecord<String, String>> await(String bootstrapServers, String marker, int expected) {
        Map<String, Object> config = Map.of("bootstrap.servers", bootstrapServers,
                "group.id", "dlt-reader-" + UUID.randomUUID(), "auto.offset.reset", "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(EventTopics.DEAD_LETTER));
            List<ConsumerRecord<String, String>> found = new ArrayList<>();
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (record.value() != null && record.value().contains(marker)) {
                        found.add(record);
                    }
                });
                return found.size() >= expected;
            });
            return found;
        }
    }
}
