package io.bsocial.notifier.live.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

import io.bsocial.notifier.live.OnEveryInstance;

/**
 * The instance's own consumer against the test run's real broker: it hears what is published once
 * it listens, on every partition, goes on past a listener that fails, and a thread killed by an
 * {@link Error} is DOWN in health rather than silently gone.
 */
class InstanceConsumerTest {

    private static final String BROKERS = System.getProperty("spring.embedded.kafka.brokers");

    @Test
    void hearsEveryPartitionFromWhenItListensAndGoesOnPastAFailingListener() throws Exception {
        String topic = newTopic();
        BlockingQueue<String> heard = new LinkedBlockingQueue<>();
        InstanceConsumer consumer = consumer(listener(topic, message -> {
            if (message.startsWith("fail")) {
                throw new IllegalStateException("a listener's bug");
            }
            heard.add(message);
        }));
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(topic, 0, "k", "before it listens")).get();
            consumer.start();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(consumer::listening);
            assertThat(consumer.health().getStatus()).isEqualTo(Status.UP);

            producer.send(new ProducerRecord<>(topic, 0, "k", "fail first")).get();
            for (int partition = 0; partition < 3; partition++) {
                producer.send(new ProducerRecord<>(topic, partition, "k", "to " + partition)).get();
            }
            assertThat(List.of(poll(heard), poll(heard), poll(heard))).containsExactlyInAnyOrder("to 0", "to 1", "to 2");
            assertThat(heard.poll(500, TimeUnit.MILLISECONDS)).as("nothing from before it listened").isNull();
        } finally {
            consumer.stop();
        }
    }

    @Test
    void aThreadKilledByAnErrorIsDownInHealth() throws Exception {
        String topic = newTopic();
        InstanceConsumer consumer = consumer(listener(topic, message -> {
            throw new AssertionError("an Error no listener should throw");
        }));
        try (KafkaProducer<String, String> producer = producer()) {
            consumer.start();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(consumer::listening);
            producer.send(new ProducerRecord<>(topic, 1, "k", "deadly")).get();

            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Status.DOWN.equals(consumer.health().getStatus()));
            assertThat(consumer.health().getDetails()).containsEntry("error", "AssertionError");
        } finally {
            consumer.stop();
        }
    }

    private static String poll(BlockingQueue<String> heard) throws InterruptedException {
        String message = heard.poll(30, TimeUnit.SECONDS);
        assertThat(message).as("a message within 30 s").isNotNull();
        return message;
    }

    private static InstanceConsumer consumer(OnEveryInstance listener) {
        KafkaProperties kafka = new KafkaProperties();
        kafka.setBootstrapServers(List.of(BROKERS));
        return new InstanceConsumer(List.of(listener), kafka);
    }

    private static OnEveryInstance listener(String topic, java.util.function.Consumer<String> onMessage) {
        return new OnEveryInstance() {
            @Override
            public List<String> topics() {
                return List.of(topic);
            }

            @Override
            public void on(String from, String message) {
                onMessage.accept(message);
            }
        };
    }

    private static String newTopic() throws Exception {
        String topic = "instance-consumer-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BROKERS))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        return topic;
    }

    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BROKERS),
                new StringSerializer(), new StringSerializer());
    }
}
