package io.bsocial.web.support;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.bsocial.shared.events.EventJson;
import io.bsocial.shared.events.EventTopics;
import tools.jackson.databind.JsonNode;

/**
 * Reads every bSocial topic from the beginning, as a real consumer with a group of its own, and
 * keeps what it saw so that tests can wait for a message and look at its exact JSON and key.
 */
public class KafkaRecorder implements AutoCloseable, BeforeAllCallback, AfterAllCallback {

    public record Message(String topic, String key, String value) {

        public JsonNode json() {
            return EventJson.tree(value);
        }
    }

    private final List<Message> messages = new CopyOnWriteArrayList<>();
    private Thread poller;
    private volatile boolean running = true;

    /** Records the topics of the broker at {@code bootstrapServers} from now on until closed. */
    public KafkaRecorder(String bootstrapServers) {
        start(bootstrapServers);
    }

    private KafkaRecorder() {
    }

    /**
     * For a test class, as {@code @RegisterExtension static final KafkaRecorder kafka =
     * KafkaRecorder.ofEmbeddedBroker();}: records the embedded broker's topics from before the
     * class's first test until after its last.
     */
    public static KafkaRecorder ofEmbeddedBroker() {
        return new KafkaRecorder();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start(System.getProperty("spring.embedded.kafka.brokers"));
    }

    @Override
    public void afterAll(ExtensionContext context) throws InterruptedException {
        close();
    }

    private void start(String bootstrapServers) {
        Properties config = new Properties();
        config.putAll(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-recorder-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.METADATA_MAX_AGE_CONFIG, "1000"));
        poller = new Thread(() -> {
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
                consumer.subscribe(EventTopics.ALL);
                while (running) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                        messages.add(new Message(record.topic(), record.key(), record.value()));
                    }
                }
            }
        }, "kafka-recorder");
        poller.setDaemon(true);
        poller.start();
    }

    public List<Message> all() {
        return List.copyOf(messages);
    }

    public List<Message> matching(Predicate<Message> filter) {
        return messages.stream().filter(filter).toList();
    }

    /** Waits until at least {@code count} messages match, then answers them. */
    public List<Message> await(int count, Predicate<Message> filter) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> matching(filter).size() >= count);
        return matching(filter);
    }

    public Message awaitOne(String topic, Predicate<JsonNode> filter) {
        return await(1, m -> m.topic().equals(topic) && filter.test(m.json())).get(0);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        if (poller != null) {
            poller.join(5_000);
        }
    }
}
