package io.bsocial.bench;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import tools.jackson.databind.JsonNode;

/** The probes that watch Kafka: event latency, the indexer's throughput, and the consumers' lag. */
final class KafkaProbes {

    private static final String POSTS_TOPIC = "bsocial.post-created";

    private final String bootstrapServers;

    KafkaProbes(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Posts {@code count} posts one after another; for each: its 201 to its message on Kafka. */
    Latencies events(WebApi web, String token, int count) throws Exception {
        Map<Long, Long> seenAt = new ConcurrentHashMap<>();
        Properties config = config();
        config.put("group.id", "bench-events-" + UUID.randomUUID());
        config.put("auto.offset.reset", "latest");
        CountDownLatch assigned = new CountDownLatch(1);
        AtomicBoolean listening = new AtomicBoolean(true);
        Thread consumer = new Thread(() -> {
            try (KafkaConsumer<String, String> c = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
                c.subscribe(List.of(POSTS_TOPIC));
                while (listening.get()) {
                    var records = c.poll(Duration.ofMillis(20));
                    if (!c.assignment().isEmpty()) {
                        assigned.countDown();
                    }
                    long now = System.nanoTime();
                    for (ConsumerRecord<String, String> r : records) {
                        JsonNode postId = Json.tree(r.value()).get("postId");
                        if (postId != null) {
                            seenAt.putIfAbsent(postId.asLong(), now);
                        }
                    }
                }
            }
        });
        consumer.start();
        assigned.await(30, TimeUnit.SECONDS);
        Thread.sleep(2000); // the new group's first fetch position must be settled before the first post
        Map<Long, Long> createdAt = new ConcurrentHashMap<>();
        for (int i = 0; i < count; i++) {
            HttpResponse<String> response = web.post("/api/posts", token, Map.of("content", "event latency probe " + i));
            long now = System.nanoTime();
            if (response.statusCode() == 201) {
                createdAt.put(Json.tree(response.body()).get("id").asLong(), now);
            }
            Thread.sleep(50);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!seenAt.keySet().containsAll(createdAt.keySet()) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        listening.set(false); // the consumer leaves its group and closes (an interrupt would fail its close)
        consumer.join(30_000);
        List<Double> latencies = new ArrayList<>();
        createdAt.forEach((id, created) -> {
            Long seen = seenAt.get(id);
            if (seen != null) {
                latencies.add((seen - created) / 1e6);
            }
        });
        return Latencies.of(latencies);
    }

    /**
     * The same {@code count} documents two ways into the same node: through Kafka and the indexer
     * (produce, then wait until the indexer has committed them all), and as a plain _bulk load.
     */
    Report.IndexerRate indexer(String openSearch, int count) throws Exception {
        String marker = "bench" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        List<String> documents = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("eventId", UUID.randomUUID().toString());
            event.put("eventType", "post-created");
            event.put("timestamp", Instant.now().toString());
            event.put("userId", 900_000_000 + i % 1000);
            event.put("username", marker);
            event.put("email", marker + "@bench.bsocial.io");
            event.put("postId", 900_000_000 + i);
            event.put("content", "indexer throughput probe " + i);
            documents.add(Json.write(event));
        }
        Properties config = config();
        config.put("acks", "all");
        config.put("linger.ms", "5");
        config.put("batch.size", "262144");
        // Both ways are timed to the moment OpenSearch accepted the last document: for the
        // pipeline, when the indexer's consumer group has committed every offset (it commits only
        // after the bulk request succeeded); for the plain load, when the last _bulk returned.
        Map<TopicPartition, Long> ends = new HashMap<>();
        long started = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                sent.add(producer.send(new ProducerRecord<>(POSTS_TOPIC, String.valueOf(900_000_000 + i), documents.get(i))));
            }
            producer.flush();
            for (Future<RecordMetadata> future : sent) {
                RecordMetadata metadata = future.get();
                ends.merge(new TopicPartition(metadata.topic(), metadata.partition()), metadata.offset() + 1, Math::max);
            }
        }
        try (Admin admin = Admin.create(config)) {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            while (System.nanoTime() < deadline) {
                var committed = admin.listConsumerGroupOffsets("bsocial-indexer").partitionsToOffsetAndMetadata().get();
                boolean done = ends.entrySet().stream().allMatch(end -> committed.get(end.getKey()) != null
                        && committed.get(end.getKey()).offset() >= end.getValue());
                if (done) {
                    break;
                }
                Thread.sleep(20);
            }
        }
        double pipelineSeconds = (System.nanoTime() - started) / 1e9;
        WebApi.send("POST", openSearch + "/bsocial-events*/_refresh", null, "application/json");
        String countQuery = Json.write(Map.of("query", Map.of("term", Map.of("username", marker))));
        HttpResponse<String> counted = WebApi.send("POST", openSearch + "/bsocial-events*/_count", countQuery, "application/json");
        long indexed = Json.tree(counted.body()).path("count").asLong();

        String plainIndex = "bsocial-events-bench-plain";
        String action = "{\"index\":{\"_index\":\"" + plainIndex + "\"}}\n";
        WebApi.send("DELETE", openSearch + "/" + plainIndex, null, "application/json");
        long bulkStarted = System.nanoTime();
        for (int from = 0; from < count; from += 1000) {
            StringBuilder bulk = new StringBuilder();
            for (String document : documents.subList(from, Math.min(count, from + 1000))) {
                bulk.append(action).append(document).append('\n');
            }
            HttpResponse<String> response = WebApi.send("POST", openSearch + "/_bulk", bulk.toString(), "application/x-ndjson");
            if (response.statusCode() != 200 || Json.topLevelFlag(response.body(), "errors")) {
                throw new IllegalStateException("plain bulk failed: " + response.body().substring(0, 300));
            }
        }
        double bulkSeconds = (System.nanoTime() - bulkStarted) / 1e9;
        WebApi.send("DELETE", openSearch + "/" + plainIndex, null, "application/json");
        return new Report.IndexerRate(Math.round(indexed / pipelineSeconds), Math.round(count / bulkSeconds));
    }

    /** How many messages the notifier's and the indexer's consumer groups have not processed yet. */
    long lag() throws Exception {
        long lag = 0;
        try (Admin admin = Admin.create(config())) {
            for (String group : List.of("bsocial-notifier", "bsocial-indexer")) {
                var committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                var latest = admin.listOffsets(committed.keySet().stream()
                        .collect(Collectors.toMap(Function.identity(), partition -> OffsetSpec.latest()))).all().get();
                for (var entry : committed.entrySet()) {
                    if (entry.getValue() != null) {
                        lag += Math.max(0, latest.get(entry.getKey()).offset() - entry.getValue().offset());
                    }
                }
            }
        }
        return lag;
    }

    private Properties config() {
        Properties config = new Properties();
        config.put("bootstrap.servers", bootstrapServers);
        return config;
    }
}
