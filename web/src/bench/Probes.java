// Latency and throughput probes for ./bsocial bench. Run as a single-file program with the Kafka
// client jars on the class path:  java -cp '.bsocial/kafka/libs/*' web/src/bench/Probes.java <probe> ...
// Every probe prints one line of "key=value" pairs for the launcher to put into docs/benchmarks.md.

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

public class Probes {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "notifications" -> notifications(args[1], args[2], args[3], args[4], Long.parseLong(args[5]),
                    Integer.parseInt(args[6]), Integer.parseInt(args[7]));
            case "events" -> events(args[1], args[2], args[3], Integer.parseInt(args[4]));
            case "indexer" -> {
                indexer(args[1], args[2], Integer.parseInt(args[3]) / 5, false); // warm-up, not reported
                indexer(args[1], args[2], Integer.parseInt(args[3]), true);
            }
            case "lag" -> lag(args[1]);
            default -> throw new IllegalArgumentException("unknown probe " + args[0]);
        }
        System.exit(0);
    }

    /**
     * The author listens on STOMP; the commenter comments at {@code rate}/s for {@code seconds}; for
     * each comment: time from its 201 to the notification at the author's socket.
     */
    static void notifications(String web, String notifierWs, String authorToken, String commenterToken, long postId,
            int rate, int seconds) throws Exception {
        Map<Long, Long> pushedAt = new ConcurrentHashMap<>();
        Map<Long, Long> createdAt = new ConcurrentHashMap<>();
        CountDownLatch subscribed = new CountDownLatch(1);
        Pattern commentId = Pattern.compile("\"commentId\":(\\d+)");
        // Authenticated by X-Auth-Token, as a script is, not by the cookie: the notifier then needs
        // no CSRF token on CONNECT (it does for cookie-authenticated sockets, which only pages have).
        WebSocket socket = HTTP.newWebSocketBuilder().header("X-Auth-Token", authorToken)
                .buildAsync(URI.create(notifierWs), new WebSocket.Listener() {
                    final StringBuilder frame = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        long now = System.nanoTime();
                        frame.append(data);
                        int end;
                        while ((end = frame.indexOf("\0")) >= 0) {
                            String text = frame.substring(0, end);
                            frame.delete(0, end + 1);
                            if (text.startsWith("CONNECTED")) {
                                ws.sendText("SUBSCRIBE\nid:sub-0\ndestination:/user/queue/notifications\n\n\0", true);
                                subscribed.countDown();
                            } else if (text.startsWith("ERROR")) {
                                System.err.println("STOMP refused: " + text.replace('\n', ' '));
                            } else if (text.startsWith("MESSAGE")) {
                                Matcher id = commentId.matcher(text);
                                if (id.find()) {
                                    pushedAt.putIfAbsent(Long.parseLong(id.group(1)), now);
                                }
                            }
                        }
                        ws.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        socket.sendText("CONNECT\naccept-version:1.2\nheart-beat:0,0\n\n\0", true);
        if (!subscribed.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no STOMP connection");
        }
        Thread.sleep(1000);

        ScheduledExecutorService pace = Executors.newScheduledThreadPool(1);
        ExecutorService senders = Executors.newFixedThreadPool(16);
        int total = rate * seconds;
        CountDownLatch sent = new CountDownLatch(total);
        long periodMicros = 1_000_000L / rate;
        long started = System.nanoTime();
        for (int i = 0; i < total; i++) {
            int n = i;
            pace.schedule(() -> senders.submit(() -> {
                try {
                    HttpResponse<String> response = post(web + "/api/posts/" + postId + "/comments", commenterToken,
                            "{\"content\":\"bench comment " + n + "\"}");
                    long now = System.nanoTime();
                    if (response.statusCode() == 201) {
                        Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(response.body());
                        if (id.find()) {
                            createdAt.put(Long.parseLong(id.group(1)), now);
                        }
                    }
                } finally {
                    sent.countDown();
                }
                return null;
            }), n * periodMicros, TimeUnit.MICROSECONDS);
        }
        sent.await(seconds + 120L, TimeUnit.SECONDS);
        double achievedRate = createdAt.size() / ((System.nanoTime() - started) / 1e9);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (pushedAt.keySet().containsAll(createdAt.keySet()) == false && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        List<Double> latencies = new ArrayList<>();
        createdAt.forEach((id, created) -> {
            Long pushed = pushedAt.get(id);
            if (pushed != null) {
                latencies.add((pushed - created) / 1e6);
            }
        });
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        pace.shutdownNow();
        senders.shutdownNow();
        System.out.printf("comments=%d received=%d rate=%.1f %s%n", createdAt.size(), latencies.size(), achievedRate,
                percentiles(latencies));
    }

    /** Posts {@code count} posts one after another; for each: 201 to the message on Kafka. */
    static void events(String web, String kafka, String token, int count) throws Exception {
        Map<Long, Long> seenAt = new ConcurrentHashMap<>();
        Properties config = new Properties();
        config.put("bootstrap.servers", kafka);
        config.put("group.id", "bench-events-" + UUID.randomUUID());
        config.put("auto.offset.reset", "latest");
        Pattern postId = Pattern.compile("\"postId\":(\\d+)");
        CountDownLatch assigned = new CountDownLatch(1);
        Thread consumer = new Thread(() -> {
            try (KafkaConsumer<String, String> c = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
                c.subscribe(List.of("bsocial.post-created"));
                while (!Thread.currentThread().isInterrupted()) {
                    var records = c.poll(Duration.ofMillis(20));
                    if (!c.assignment().isEmpty()) {
                        assigned.countDown();
                    }
                    long now = System.nanoTime();
                    for (ConsumerRecord<String, String> r : records) {
                        Matcher id = postId.matcher(r.value());
                        if (id.find()) {
                            seenAt.putIfAbsent(Long.parseLong(id.group(1)), now);
                        }
                    }
                }
            } catch (org.apache.kafka.common.errors.InterruptException stopped) {
                // done
            }
        });
        consumer.start();
        assigned.await(30, TimeUnit.SECONDS);
        Thread.sleep(2000);
        Map<Long, Long> createdAt = new ConcurrentHashMap<>();
        for (int i = 0; i < count; i++) {
            HttpResponse<String> response = post(web + "/api/posts", token, "{\"content\":\"event latency probe " + i + "\"}");
            long now = System.nanoTime();
            Matcher id = Pattern.compile("\\{\"id\":(\\d+)").matcher(response.body());
            if (response.statusCode() == 201 && id.find()) {
                createdAt.put(Long.parseLong(id.group(1)), now);
            }
            Thread.sleep(50);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!seenAt.keySet().containsAll(createdAt.keySet()) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        consumer.interrupt();
        List<Double> latencies = new ArrayList<>();
        createdAt.forEach((id, created) -> {
            Long seen = seenAt.get(id);
            if (seen != null) {
                latencies.add((seen - created) / 1e6);
            }
        });
        System.out.printf("posts=%d received=%d %s%n", createdAt.size(), latencies.size(), percentiles(latencies));
    }

    /**
     * The same {@code count} documents two ways into the same node: through Kafka and the indexer
     * (produce, then wait until all are searchable), and as a plain _bulk load.
     */
    static void indexer(String kafka, String openSearch, int count, boolean report) throws Exception {
        String marker = "bench" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        List<String> documents = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            documents.add("{\"eventId\":\"" + UUID.randomUUID() + "\",\"eventType\":\"post-created\",\"timestamp\":\""
                    + java.time.Instant.now() + "\",\"userId\":" + (900000000 + i % 1000) + ",\"username\":\"" + marker
                    + "\",\"email\":\"" + marker + "@bench.bsocial.io\",\"postId\":" + (900000000 + i)
                    + ",\"content\":\"indexer throughput probe " + i + "\"}");
        }
        Properties config = new Properties();
        config.put("bootstrap.servers", kafka);
        config.put("acks", "all");
        config.put("linger.ms", "5");
        config.put("batch.size", "262144");
        // Both ways are timed to the moment OpenSearch accepted the last document: for the
        // pipeline, when the indexer's consumer group has committed every offset (it commits only
        // after the bulk request succeeded); for the plain load, when the last _bulk returned.
        Map<org.apache.kafka.common.TopicPartition, Long> ends = new java.util.HashMap<>();
        long started = System.nanoTime();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            List<java.util.concurrent.Future<org.apache.kafka.clients.producer.RecordMetadata>> sent = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                sent.add(producer.send(new ProducerRecord<>("bsocial.post-created", String.valueOf(900000000 + i), documents.get(i))));
            }
            producer.flush();
            for (var future : sent) {
                var metadata = future.get();
                ends.merge(new org.apache.kafka.common.TopicPartition(metadata.topic(), metadata.partition()),
                        metadata.offset() + 1, Math::max);
            }
        }
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(config)) {
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
        String countQuery = "{\"query\":{\"term\":{\"username\":\"" + marker + "\"}}}";
        send("POST", openSearch + "/bsocial-events*/_refresh", null, "application/json");
        long indexed = countDocuments(openSearch, "bsocial-events*", countQuery);

        String plainIndex = "bsocial-events-bench-plain";
        send("DELETE", openSearch + "/" + plainIndex, null, "application/json");
        long bulkStarted = System.nanoTime();
        for (int from = 0; from < count; from += 1000) {
            StringBuilder bulk = new StringBuilder();
            for (String document : documents.subList(from, Math.min(count, from + 1000))) {
                bulk.append("{\"index\":{\"_index\":\"").append(plainIndex).append("\"}}\n").append(document).append('\n');
            }
            HttpResponse<String> response = send("POST", openSearch + "/_bulk", bulk.toString(), "application/x-ndjson");
            if (response.statusCode() != 200 || response.body().contains("\"errors\":true")) {
                throw new IllegalStateException("plain bulk failed: " + response.body().substring(0, 300));
            }
        }
        double bulkSeconds = (System.nanoTime() - bulkStarted) / 1e9;
        send("DELETE", openSearch + "/" + plainIndex, null, "application/json");
        if (report) {
            System.out.printf("documents=%d indexed=%d pipeline_per_s=%.0f bulk_per_s=%.0f%n", count, indexed,
                    indexed / pipelineSeconds, count / bulkSeconds);
        }
    }

    /** How many messages the notifier's and the indexer's consumer groups have not processed yet. */
    static void lag(String kafka) throws Exception {
        Properties config = new Properties();
        config.put("bootstrap.servers", kafka);
        long lag = 0;
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(config)) {
            for (String group : List.of("bsocial-notifier", "bsocial-indexer")) {
                var committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                var latest = admin.listOffsets(committed.keySet().stream().collect(java.util.stream.Collectors.toMap(
                        tp -> tp, tp -> org.apache.kafka.clients.admin.OffsetSpec.latest()))).all().get();
                for (var entry : committed.entrySet()) {
                    if (entry.getValue() != null) {
                        lag += Math.max(0, latest.get(entry.getKey()).offset() - entry.getValue().offset());
                    }
                }
            }
        }
        System.out.println(lag);
    }

    static long countDocuments(String openSearch, String index, String query) throws Exception {
        HttpResponse<String> response = send("POST", openSearch + "/" + index + "/_count", query, "application/json");
        Matcher count = Pattern.compile("\"count\":(\\d+)").matcher(response.body());
        return count.find() ? Long.parseLong(count.group(1)) : 0;
    }

    static HttpResponse<String> post(String url, String token, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("X-Auth-Token", token).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> send(String method, String url, String body, String contentType) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    static String percentiles(List<Double> values) {
        if (values.isEmpty()) {
            return "p50_ms=n/a p99_ms=n/a max_ms=n/a";
        }
        Collections.sort(values);
        return String.format("p50_ms=%.1f p99_ms=%.1f max_ms=%.1f", at(values, 0.50), at(values, 0.99),
                values.get(values.size() - 1));
    }

    static double at(List<Double> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1));
    }
}
