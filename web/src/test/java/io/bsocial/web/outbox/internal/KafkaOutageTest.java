package io.bsocial.web.outbox.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.bsocial.shared.events.EventTopics;
import io.bsocial.shared.testing.TcpForwarder;
import io.bsocial.web.support.ApiClient;
import io.bsocial.web.support.ApiClient.Response;
import io.bsocial.web.support.KafkaRecorder;
import io.bsocial.web.support.TestUsers;
import io.bsocial.web.support.TestUsers.LoggedIn;

/**
 * Kafka is unreachable while people use bSocial: requests still succeed, the outbox keeps the
 * events, health shows how old the oldest waiting one is, and once the broker is reachable every
 * event goes out.
 * The application reaches the test broker only through a TCP forwarder that starts closed. Its
 * own database, so that no other test's relay publishes these events.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:outage-test;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "bsocial.outbox.max-backoff=1s"})
@DirtiesContext
class KafkaOutageTest {

    static final int KAFKA_PORT = TcpForwarder.freePort();
    static TcpForwarder kafkaLink;
    static KafkaRecorder kafka;

    @LocalServerPort
    int port;

    @Autowired
    OutboxRepository outbox;

    @DynamicPropertySource
    static void kafkaBehindTheForwarder(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> "localhost:" + KAFKA_PORT);
    }

    @BeforeAll
    static void setUp() {
        String broker = System.getProperty("spring.embedded.kafka.brokers");
        kafkaLink = new TcpForwarder(KAFKA_PORT, broker);
        kafka = new KafkaRecorder(broker);
    }

    @AfterAll
    static void tearDown() throws InterruptedException {
        kafkaLink.close();
        kafka.close();
    }

    @Test
    void factsAreAcceptedWhileKafkaIsDownAndPublishedOnceItIsBack() throws Exception {
        ApiClient api = new ApiClient(port);
        LoggedIn author = TestUsers.create(api, "outage");
        Response post = api.post("/api/posts", ApiClient.json(Map.of("content", "written while Kafka is down")),
                author.auth());
        assertThat(post.status()).isEqualTo(201);
        long postId = post.json().get("id").asLong();

        assertThat(outbox.backlog()).isEqualTo(3); // registered, logged in, posted
        Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> api.get("/actuator/health").body().contains("lastError"));
        String health = api.get("/actuator/health").body();
        assertThat(health).contains("\"outbox\"").contains("\"oldestAgeSeconds\"").doesNotContain("Exception");
        assertThat(api.get("/actuator/health").status()).isEqualTo(200);
        assertThat(kafka.matching(m -> m.value().contains("written while Kafka is down"))).isEmpty();

        kafkaLink.open();

        // Usernames are unique to the test run; ids repeat across the test databases sharing the broker.
        kafka.awaitOne(EventTopics.USER_REGISTERED, e -> e.get("username").asString().equals(author.username()));
        kafka.awaitOne(EventTopics.USER_LOGGED_IN, e -> e.get("username").asString().equals(author.username()));
        kafka.awaitOne(EventTopics.POST_CREATED, e -> e.get("postId").asLong() == postId
                && e.get("username").asString().equals(author.username()));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> outbox.backlog() == 0);
    }
}
