package io.bsocial.indexer.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.bsocial.indexer.support.SearchHttp;
import io.bsocial.indexer.support.IndexerHttp;
import io.bsocial.indexer.support.SearchNodes;
import io.bsocial.shared.testing.DeadLetterTopic;
import io.bsocial.shared.testing.TcpForwarder;
import io.bsocial.shared.events.Actor;
import io.bsocial.shared.events.BsocialEvent;
import io.bsocial.shared.events.CommentCreated;
import io.bsocial.shared.events.EventJson;
import io.bsocial.shared.events.EventTopics;
import io.bsocial.shared.events.PostCreated;
import io.bsocial.shared.events.UserFollowed;
import io.bsocial.shared.events.UserRegistered;
import tools.jackson.databind.JsonNode;

/**
 * The indexer between a real Kafka broker and a real OpenSearch node. It reaches the node through
 * a TCP forwarder, so that the node can become unreachable and come back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "spring.kafka.consumer.group-id=indexer-ingest-test",
        "bsocial.opensearch.index=bsocial-events-ingest-test",
        "bsocial.opensearch.search-pattern=bsocial-events-ingest-test"})
@ExtendWith(SearchNodes.class)
class EventIngestTest {

    static final String INDEX = "bsocial-events-ingest-test";
    static TcpForwarder openSearchLink;

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, String> kafka;

    SearchHttp search = new SearchHttp(SearchNodes.opensearch().url());

    @DynamicPropertySource
    static void openSearchBehindAForwarder(DynamicPropertyRegistry registry) throws IOException {
        String node = SearchNodes.opensearch().url();
        new SearchHttp(node).deleteIndex(INDEX);
        int port = TcpForwarder.freePort();
        openSearchLink = new TcpForwarder(port, node.replace("http://", ""));
        openSearchLink.open();
        registry.add("bsocial.opensearch.url", () -> "http://127.0.0.1:" + port);
    }

    @AfterAll
    static void closeLink() {
        openSearchLink.close();
    }

    @Test
    void everyEventBecomesADocumentWithItsEventIdAsIdAndExplicitlyMappedFields() {
        Actor ada = actor();
        UserRegistered registered = UserRegistered.of(ada, "Ada", "Lovelace", now());
        // With the conversation's fields filled in: strict mappings would refuse one they lacked.
        PostCreated post = PostCreated.of(ada, 41, "Notes on the #engine, @babbage", List.of("engine"), List.of(8L), now());
        CommentCreated comment = CommentCreated.of(actor(), 41, 9001, "Bravo @ada", ada.userId(), ada.username(), 9000L,
                ada.userId(), List.of(ada.userId()), "Notes on the #engine, @babbage", now());
        UserFollowed followed = UserFollowed.of(actor(), ada.userId(), ada.username(), now());
        // Topics and keys as web's outbox routes them: a user's events by user, a post's by post.
        publish(EventTopics.USER_REGISTERED, registered, registered.userId());
        publish(EventTopics.POST_CREATED, post, post.postId());
        publish(EventTopics.COMMENT_CREATED, comment, comment.postId());
        publish(EventTopics.USER_FOLLOWED, followed, followed.userId());

        for (BsocialEvent event : List.of(registered, post, comment, followed)) {
            JsonNode document = awaitDocument(event.eventId().toString());
            assertThat(document.path("_index").asString()).isEqualTo(INDEX);
            assertThat(document.path("_source")).isEqualTo(EventJson.tree(EventJson.write(event)));
        }
        JsonNode mapping = search.get("/" + INDEX + "/_mapping").path(INDEX).path("mappings");
        assertThat(mapping.path("dynamic").asString()).isEqualTo("strict");
        assertThat(mapping.path("properties").path("timestamp").path("type").asString()).isEqualTo("date");
        assertThat(mapping.path("properties").path("postId").path("type").asString()).isEqualTo("keyword");
        assertThat(mapping.path("properties").path("content").path("type").asString()).isEqualTo("text");
        assertThat(mapping.path("properties").path("tags").path("type").asString()).isEqualTo("keyword");
    }

    @Test
    void theIngesterConsumesInTheConfiguredConsumerGroup(@Autowired KafkaListenerEndpointRegistry listeners) {
        assertThat(listeners.getListenerContainers()).isNotEmpty()
                .allSatisfy(container -> assertThat(container.getGroupId()).isEqualTo("indexer-ingest-test"));
    }

    @Test
    void theSameEventTwiceIsOneDocument() {
        PostCreated post = PostCreated.of(actor(), 77, "twice", now());
        publish(post);
        publish(post);
        PostCreated later = PostCreated.of(actor(), 78, "later", now());
        publish(later);

        awaitDocument(later.eventId().toString());
        search.refresh(INDEX);
        JsonNode hits = search.search(INDEX, "{\"query\":{\"term\":{\"eventId\":\"" + post.eventId() + "\"}}}");
        assertThat(hits.path("hits").path("total").path("value").asLong()).isEqualTo(1);
    }

    @Test
    void messagesThatCannotBeDocumentsGoToTheDeadLetterTopicAndTheRestIsIndexed() {
        String marker = UUID.randomUUID().toString();
        publishRaw(EventTopics.POST_CREATED, "{this is not json " + marker);
        publishRaw(EventTopics.POST_CREATED, "{\"eventType\":\"post-created\",\"content\":\"" + marker + "\"}");
        // Valid JSON with an eventId, but OpenSearch refuses it: "timestamp" is not a date.
        String refusedId = UUID.randomUUID().toString();
        publishRaw(EventTopics.POST_CREATED, "{\"eventId\":\"" + refusedId + "\",\"eventType\":\"post-created\","
                + "\"timestamp\":\"not a date " + marker + "\"}");
        PostCreated valid = PostCreated.of(actor(), 90, "valid next to broken ones", now());
        publish(valid);

        awaitDocument(valid.eventId().toString());
        List<ConsumerRecord<String, String>> dead = DeadLetterTopic.await(System.getProperty("spring.embedded.kafka.brokers"), marker, 3);
        assertThat(dead).extracting(r -> header(r, DeadLetters.REASON)).anySatisfy(reason ->
                assertThat(reason).isEqualTo("not valid JSON")).anySatisfy(reason ->
                assertThat(reason).isEqualTo("no eventId")).anySatisfy(reason ->
                assertThat(reason).startsWith("rejected by OpenSearch (HTTP 400)"));
        assertThat(dead).allSatisfy(r -> assertThat(header(r, DeadLetters.ORIGINAL_TOPIC)).isEqualTo(EventTopics.POST_CREATED));
        assertThat(search.status("/" + INDEX + "/_doc/" + refusedId)).isEqualTo(404);
    }

    /**
     * Some documents make OpenSearch refuse the whole bulk request, not one item of it: an
     * {@code _id} over 512 bytes fails the request's validation (HTTP 400 for all). Such a document
     * in the middle of a batch is dead-lettered alone; the rest of the batch is indexed.
     */
    @Test
    void aDocumentThatMakesOpenSearchRefuseTheWholeBulkRequestIsDeadLetteredAloneAndTheBatchGoesOn() {
        String marker = UUID.randomUUID().toString();
        String key = "whole-bulk-" + marker;
        List<PostCreated> before = new ArrayList<>();
        List<PostCreated> after = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            before.add(PostCreated.of(actor(), 600 + i, "before the refused one " + i, now()));
            after.add(PostCreated.of(actor(), 700 + i, "after the refused one " + i, now()));
        }
        String longId = marker + "-" + "x".repeat(600);
        String objectId = UUID.randomUUID().toString();
        // One key: all on one partition, in this order, most likely in one batch.
        before.forEach(post -> publishRaw(EventTopics.POST_CREATED, EventJson.write(post), key));
        publishRaw(EventTopics.POST_CREATED, "{\"eventId\":\"" + longId + "\",\"eventType\":\"post-created\","
                + "\"timestamp\":\"2026-11-29T10:00:00Z\",\"postId\":1,\"content\":\"" + marker + "\"}", key);
        publishRaw(EventTopics.POST_CREATED, "{\"eventId\":\"" + objectId + "\",\"eventType\":\"post-created\","
                + "\"timestamp\":\"2026-11-29T10:00:00Z\",\"postId\":{\"nested\":1},\"content\":\"" + marker + "\"}", key);
        after.forEach(post -> publishRaw(EventTopics.POST_CREATED, EventJson.write(post), key));

        before.forEach(post -> awaitDocument(post.eventId().toString()));
        after.forEach(post -> awaitDocument(post.eventId().toString()));
        List<ConsumerRecord<String, String>> dead = DeadLetterTopic.await(System.getProperty("spring.embedded.kafka.brokers"), marker, 2);
        assertThat(dead).hasSize(2).allSatisfy(r -> {
            assertThat(header(r, DeadLetters.ORIGINAL_TOPIC)).isEqualTo(EventTopics.POST_CREATED);
            assertThat(header(r, DeadLetters.REASON)).startsWith("rejected by OpenSearch (HTTP 400)");
            assertThat(r.key()).isEqualTo(key);
        });
        assertThat(dead).extracting(r -> header(r, DeadLetters.REASON))
                .anySatisfy(reason -> assertThat(reason).contains("too long"))
                .anySatisfy(reason -> assertThat(reason).contains("postId"));
        assertThat(search.status("/" + INDEX + "/_doc/" + objectId)).isEqualTo(404);
    }

    @Test
    void whileOpenSearchIsAwayNothingIsLostOrSkippedAndHealthSaysSo() throws Exception {
        openSearchLink.close();
        try {
            List<PostCreated> meanwhile = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                PostCreated post = PostCreated.of(actor(), 500 + i, "while away " + i, now());
                meanwhile.add(post);
                publish(post);
            }
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> IndexerHttp.get(port, "/actuator/health").statusCode() == 503);
            HttpResponse<String> stats = IndexerHttp.get(port, "/api/stats/top-posts-per-day");
            assertThat(stats.statusCode()).isEqualTo(503);
            assertThat(stats.body()).contains("unavailable").doesNotContain("Exception");
            assertThat(search.status("/" + INDEX + "/_doc/" + meanwhile.get(0).eventId())).isEqualTo(404);

            openSearchLink.open();

            for (PostCreated post : meanwhile) {
                awaitDocument(post.eventId().toString());
            }
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> IndexerHttp.get(port, "/actuator/health").statusCode() == 200);
        } finally {
            openSearchLink.open();
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static Actor actor() {
        long id = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000L) + 1;
        return new Actor(id, "user" + id, "user" + id + "@example.com");
    }

    private void publish(String topic, BsocialEvent event, long key) {
        publishRaw(topic, EventJson.write(event), String.valueOf(key));
    }

    /** A post event on its topic under the post's key, as web publishes it. */
    private void publish(PostCreated post) {
        publish(EventTopics.POST_CREATED, post, post.postId());
    }

    private void publishRaw(String topic, String value) {
        publishRaw(topic, value, "1");
    }

    private void publishRaw(String topic, String value, String key) {
        try {
            kafka.send(topic, key, value).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode awaitDocument(String id) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> search.status("/" + INDEX + "/_doc/" + id) == 200);
        return search.get("/" + INDEX + "/_doc/" + id);
    }


    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
