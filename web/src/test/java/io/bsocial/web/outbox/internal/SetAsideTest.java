package io.bsocial.web.outbox.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import io.bsocial.shared.events.Actor;
import io.bsocial.shared.events.EventTopics;
import io.bsocial.shared.events.PostCreated;
import io.bsocial.web.WebIntegrationTest;
import io.bsocial.web.support.ApiClient;
import io.bsocial.web.support.ApiClient.Response;
import io.bsocial.web.support.KafkaRecorder;
import io.bsocial.web.support.OwnDatabase;

/**
 * An entry Kafka refuses for what it is (bigger than the producer's {@code max.request.size}, set
 * small here) must not block the outbox: after the bounded tries it is set aside, kept and visible,
 * the entries behind it are published, and the operator endpoint re-publishes it. Health turns
 * DEGRADED (still 200) when the oldest unpublished entry is older than {@code bsocial.outbox.max-age}.
 * A database of its own (a schema of its own on PostgreSQL), so that no other test's relay takes part.
 */
@WebIntegrationTest
@DirtiesContext
@TestPropertySource(properties = {
        "spring.kafka.producer.properties.max.request.size=3000",
        "bsocial.outbox.max-attempts=3",
        "bsocial.outbox.batch-size=5",
        "bsocial.outbox.initial-backoff=50ms",
        "bsocial.outbox.max-backoff=200ms",
        "bsocial.outbox.max-age=3s"})
class SetAsideTest {

    /** 4,500 bytes of UTF-8: over max.request.size, well under the 2,000 characters a post may have. */
    static final String OVERSIZED = "€".repeat(1500);

    @RegisterExtension
    static final KafkaRecorder kafka = KafkaRecorder.ofEmbeddedBroker();

    @LocalServerPort
    int port;

    @Autowired
    EventOutbox events;

    @Autowired
    OutboxRelay relay;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProducerFactory<String, String> producers;

    ApiClient http;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        OwnDatabase.register(registry, "set_aside");
    }

    @BeforeEach
    void client() {
        http = new ApiClient(port);
    }

    @Test
    void anOversizedEntryIsSetAsideAfterTheBoundedTriesTheRestIsPublishedAndTheOperatorRepublishesIt() {
        List<PostCreated> behind = new ArrayList<>();
        PostCreated first = event(1, "first");
        PostCreated oversized = event(1, OVERSIZED);
        transactions.executeWithoutResult(status -> {
            events.record(first);
            events.record(oversized);
            // Behind it more than two batches (batch-size 5), some on its own key.
            for (int i = 0; i < 12; i++) {
                PostCreated next = event(i % 3, "behind " + i);
                events.record(next);
                behind.add(next);
            }
        });

        awaitPublished(behind);
        awaitPublished(List.of(first));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> pending() == 0);
        assertExactlyOnce(behind);
        assertThat(published(oversized)).isEmpty();

        // Kept, with why and how often, never the payload in what operators see.
        JsonNode entry = awaitSetAside(oversized);
        assertThat(entry.get("attempts").asInt()).isEqualTo(3);
        assertThat(entry.get("topic").asString()).isEqualTo(EventTopics.POST_CREATED);
        assertThat(entry.get("key").asString()).isEqualTo("1");
        assertThat(entry.get("lastError").asString()).contains("RecordTooLargeException");
        Response listing = http.get("/actuator/outbox");
        assertThat(listing.body()).doesNotContain(OVERSIZED.substring(0, 20));
        Response health = http.get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().at("/components/outbox/details/setAside").asInt()).isEqualTo(1);

        // Re-published while the limit is unchanged: refused again, and kept again.
        long id = entry.get("id").asLong();
        Instant firstSetAside = Instant.parse(entry.get("setAsideAt").asString());
        Response retried = http.send("POST", "/actuator/outbox/" + id, null, null);
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.json().get("requeued").valueStream().map(JsonNode::asLong).toList()).containsExactly(id);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode again = setAside(oversized);
            return again != null && Instant.parse(again.get("setAsideAt").asString()).isAfter(firstSetAside);
        });
        assertThat(published(oversized)).isEmpty();

        // Once the operator raised the limit, "retry all" publishes it, and the outbox is empty.
        ((DefaultKafkaProducerFactory<String, String>) producers)
                .updateConfigs(Map.of(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 1_048_576));
        ((DefaultKafkaProducerFactory<String, String>) producers).reset();
        Response all = http.send("POST", "/actuator/outbox/all", null, null);
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.json().get("requeued").valueStream().map(JsonNode::asLong).toList()).containsExactly(id);
        kafka.await(1, m -> m.value().contains(oversized.eventId().toString()));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> pending() == 0 && setAside(oversized) == null);
        assertThat(http.get("/actuator/outbox").json().get("setAside")).isEmpty();
    }

    @Test
    void healthIsDegradedButStill200WhenTheOldestUnpublishedEntryIsOlderThanTheMaxAge() {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> status().equals("UP"));
        relay.stop();
        try {
            PostCreated waiting = event(5, "waiting while the relay is stopped");
            transactions.executeWithoutResult(status -> events.record(waiting));
            assertThat(status()).isEqualTo("UP");

            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> status().equals("DEGRADED"));
            Response health = http.get("/actuator/health");
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.json().at("/components/outbox/details/oldestAgeSeconds").asLong()).isGreaterThanOrEqualTo(3);
        } finally {
            relay.start();
            relay.wakeUp();
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> status().equals("UP"));
    }

    @Test
    void theOperatorEndpointAnswersLocalCallersOnlyAndNeverABrowser() {
        assertThat(http.get("/actuator/outbox").status()).isEqualTo(200);
        // Through a proxy, the caller is the client the proxy names, not the proxy on loopback.
        assertThat(http.get("/actuator/outbox", "X-Forwarded-For", "203.0.113.7").status()).isEqualTo(403);
        assertThat(http.send("POST", "/actuator/outbox/all", null, null, "X-Forwarded-For", "203.0.113.7").status())
                .isEqualTo(403);
        // A page in a browser on the same machine sends an Origin: no cross-site request forgery.
        assertThat(http.send("POST", "/actuator/outbox/all", null, null, "Origin", "http://evil.example").status())
                .isEqualTo(403);
        assertThat(http.send("POST", "/actuator/outbox/nonsense", null, null).status()).isEqualTo(400);
        assertThat(http.send("POST", "/actuator/outbox/all", null, null).status()).isEqualTo(200);
    }

    private String status() {
        return http.get("/actuator/health").json().get("status").asString();
    }

    private JsonNode awaitSetAside(PostCreated event) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> setAside(event) != null);
        return setAside(event);
    }

    /** The operator's view of this event's set-aside entry, or null. */
    private JsonNode setAside(PostCreated event) {
        Response listing = http.get("/actuator/outbox");
        if (listing.status() != 200) {
            return null;
        }
        return listing.json().get("setAside").valueStream()
                .filter(e -> e.get("eventId").asString().equals(event.eventId().toString()))
                .findFirst().orElse(null);
    }

    private long pending() {
        return jdbc.sql("SELECT COUNT(*) FROM outbox_events").query(Long.class).single();
    }

    private static PostCreated event(long postId, String content) {
        return PostCreated.of(new Actor(1, "setaside", "setaside@example.com"), postId, content, Instant.now());
    }

    private List<KafkaRecorder.Message> published(PostCreated event) {
        return kafka.matching(m -> m.value().contains(event.eventId().toString()));
    }

    private void awaitPublished(List<PostCreated> recorded) {
        Set<String> ids = recorded.stream().map(e -> e.eventId().toString()).collect(Collectors.toSet());
        kafka.await(ids.size(), m -> m.topic().equals(EventTopics.POST_CREATED)
                && ids.contains(m.json().get("eventId").asString()));
    }

    private void assertExactlyOnce(List<PostCreated> recorded) {
        Set<String> ids = recorded.stream().map(e -> e.eventId().toString()).collect(Collectors.toSet());
        Map<String, Long> copies = kafka.matching(m -> m.topic().equals(EventTopics.POST_CREATED)
                        && ids.contains(m.json().get("eventId").asString())).stream()
                .collect(Collectors.groupingBy(m -> m.json().get("eventId").asString(), Collectors.counting()));
        assertThat(copies).hasSize(ids.size()).allSatisfy((eventId, count) -> assertThat(count).isEqualTo(1L));
    }
}
