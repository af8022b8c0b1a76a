package io.bsocial.notifier.live.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import io.bsocial.notifier.live.OnEveryInstance;

/**
 * One Kafka consumer per notifier instance for everything each instance must hear for its own
 * sockets ({@link OnEveryInstance}: stored notifications, posts, logouts). Its partitions are
 * assigned to it ({@code assign()}) and it belongs to no consumer group, so an instance commits
 * nothing and a restart leaves nothing behind on the broker. It starts at the end of each
 * partition: what was published while it was away is not for sockets that did not exist then.
 * Partitions are looked up again every minute, so a topic that grows is heard in full.
 *
 * <p>Its thread is seen by health: {@code instanceConsumer} is UNKNOWN until the partitions are
 * assigned (Kafka not reachable yet), UP while it reads, and DOWN if the thread died.
 */
@Component("instanceConsumer")
class InstanceConsumer implements SmartLifecycle, HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(InstanceConsumer.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration LOOK_FOR_PARTITIONS = Duration.ofMinutes(1);

    private final Map<String, List<OnEveryInstance>> listeners = new LinkedHashMap<>();
    private final Map<String, Object> config;

    private volatile Thread thread;
    private volatile boolean running;
    private volatile KafkaConsumer<String, String> consumer;
    private volatile Set<TopicPartition> assigned = Set.of();
    private volatile boolean listening;
    private volatile Throwable died;

    InstanceConsumer(List<OnEveryInstance> onEveryInstance, KafkaProperties kafka) {
        for (OnEveryInstance listener : onEveryInstance) {
            listener.topics().forEach(topic -> listeners.computeIfAbsent(topic, t -> new java.util.ArrayList<>()).add(listener));
        }
        Map<String, Object> properties = new HashMap<>(kafka.buildConsumerProperties());
        // No group: nothing is committed, nothing is registered on the broker.
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "bsocial-notifier-instance");
        this.config = properties;
    }

    /** The topics heard, for the documentation test and health. */
    Set<String> topics() {
        return new TreeSet<>(listeners.keySet());
    }

    /** True once every topic's partitions are assigned and their starting positions fixed. */
    boolean listening() {
        return listening;
    }

    @Override
    public void start() {
        // A new consumer each start (a stopped context may start again): nothing assigned yet.
        assigned = Set.of();
        listening = false;
        running = true;
        died = null;
        thread = new Thread(this::run, "notifier-instance-consumer");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        try {
            Thread reading = thread;
            if (reading != null) {
                reading.join(10_000);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer = kafka;
            Instant nextLook = Instant.MIN;
            while (running) {
                try {
                    if (Instant.now().isAfter(nextLook)) {
                        nextLook = assignNewPartitions(kafka) ? Instant.now().plus(LOOK_FOR_PARTITIONS) : Instant.now().plusSeconds(1);
                    }
                    if (!assigned.isEmpty()) {
                        for (ConsumerRecord<String, String> record : kafka.poll(POLL)) {
                            dispatch(record);
                        }
                    }
                } catch (WakeupException stopping) {
                    break;
                } catch (RuntimeException failure) {
                    // Kafka away or a lookup timed out: say so, wait a little, go on.
                    log.warn("instance consumer: {}", failure.toString());
                    pause();
                }
            }
        } catch (Throwable fatal) {
            died = fatal;
            log.error("the instance consumer stopped: live pushes and logouts are no longer heard", fatal);
        } finally {
            listening = false;
            consumer = null;
        }
    }

    /**
     * Assigns partitions not assigned yet, each from its end; true when every topic has partitions.
     * The new positions are read at once ({@code position}), so nothing published after this call
     * is skipped by the lazy seek.
     */
    private boolean assignNewPartitions(KafkaConsumer<String, String> kafka) {
        Set<TopicPartition> all = new HashSet<>(assigned);
        boolean complete = true;
        for (String topic : listeners.keySet()) {
            List<PartitionInfo> partitions = kafka.partitionsFor(topic, Duration.ofSeconds(5));
            if (partitions == null || partitions.isEmpty()) {
                complete = false;
                continue;
            }
            partitions.forEach(info -> all.add(new TopicPartition(info.topic(), info.partition())));
        }
        Set<TopicPartition> added = new HashSet<>(all);
        added.removeAll(assigned);
        if (!added.isEmpty()) {
            kafka.assign(all);
            kafka.seekToEnd(added);
            added.forEach(kafka::position);
            assigned = Set.copyOf(all);
            log.info("instance consumer hears {} partitions of {}", assigned.size(), listeners.keySet());
        }
        listening = complete;
        return complete;
    }

    private void dispatch(ConsumerRecord<String, String> record) {
        for (OnEveryInstance listener : listeners.getOrDefault(record.topic(), List.of())) {
            try {
                listener.on(record.topic(), record.value());
            } catch (RuntimeException failed) {
                // Best effort by design: the payload is not logged (it may name people).
                log.warn("{} could not handle {}-{}@{}: {}", listener.getClass().getSimpleName(), record.topic(),
                        record.partition(), record.offset(), failed.toString());
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public Health health() {
        Throwable fatal = died;
        if (fatal != null) {
            return Health.down().withDetail("error", fatal.getClass().getSimpleName()).build();
        }
        Health.Builder health = listening ? Health.up() : Health.unknown();
        return health.withDetail("topics", topics()).withDetail("partitions", assigned.size()).build();
    }
}
