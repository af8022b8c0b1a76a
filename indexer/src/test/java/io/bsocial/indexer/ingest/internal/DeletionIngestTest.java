package io.bsocial.indexer.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.bsocial.indexer.support.EditAndDeleteStory;
import io.bsocial.indexer.support.IndexerHttp;
import io.bsocial.indexer.support.SearchHttp;
import io.bsocial.indexer.support.SearchNodes;
import io.bsocial.shared.events.Actor;
import io.bsocial.shared.events.BsocialEvent;
import io.bsocial.shared.events.CommentCreated;
import io.bsocial.shared.events.CommentDeleted;
import io.bsocial.shared.events.CommentUpdated;
import io.bsocial.shared.events.EventJson;
import io.bsocial.shared.events.PostCreated;
import io.bsocial.shared.events.PostDeleted;
import io.bsocial.shared.events.PostLiked;
import io.bsocial.shared.events.PostUnliked;
import io.bsocial.shared.events.PostUpdated;
import tools.jackson.databind.JsonNode;

/**
 * Edits and deletions between a real Kafka broker and the real OpenSearch node: every event is
 * recorded, and once the indexer has committed a batch (it commits only after writing and erasing)
 * the created/updated documents of deleted posts and comments are gone — whether the deletion came
 * first, last, or in the same moment on another topic — and the stats API answers as if they had
 * never existed. The query contract seeds exactly this state ({@code EditAndDeleteStory}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "spring.kafka.consumer.group-id=" + DeletionIngestTest.GROUP,
        "bsocial.opensearch.index=" + DeletionIngestTest.INDEX,
        "bsocial.opensearch.search-pattern=" + DeletionIngestTest.INDEX})
@ExtendWith(SearchNodes.class)
// Its consumers read every topic from the start: stopped after this class, they do not dead-letter
// again what later tests send on purpose.
@DirtiesContext
class DeletionIngestTest {

    static final String GROUP = "indexer-deletion-test";
    static final String INDEX = "bsocial-events-deletion-test";

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, String> kafka;

    SearchHttp search = new SearchHttp(SearchNodes.opensearch().url());

    @DynamicPropertySource
    static void openSearch(DynamicPropertyRegistry registry) {
        registry.add("bsocial.opensearch.url", () -> SearchNodes.opensearch().url());
    }

    @BeforeAll
    static void emptyIndex() {
        new SearchHttp(SearchNodes.opensearch().url()).deleteIndex(INDEX);
    }

    @Test
    void editsAndDeletionsAreRecordedAsDocumentsLikeEveryEvent() {
        EditAndDeleteStory story = story();
        List<BsocialEvent> recorded = new ArrayList<>(story.edits());
        recorded.removeAll(story.erased());
        recorded.addAll(story.deletions());
        awaitConsumed(publish(story.all()));

        for (BsocialEvent event : recorded) {
            JsonNode document = search.get("/" + INDEX + "/_doc/" + event.eventId());
            assertThat(document.path("found").asBoolean()).as(event.eventType()).isTrue();
            assertThat(document.path("_source")).isEqualTo(EventJson.tree(EventJson.write(event)));
        }
        JsonNode mapping = search.get("/" + INDEX + "/_mapping").path(INDEX).path("mappings").path("properties");
        assertThat(mapping.path("commentId").path("type").asString()).isEqualTo("keyword");
    }

    @Test
    void likesAndUnlikesAreRecordedWithThePostTheyAreAbout() {
        long post = ThreadLocalRandom.current().nextLong(1_000, 100_000_000) * 2 + 1;
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Actor liker = new Actor(post + 1, "liker", "liker@example.com");
        List<BsocialEvent> likes = List.of(PostLiked.of(liker, post, post + 2, "The post's first words", now),
                PostUnliked.of(liker, post, post + 2, now.plusSeconds(1)));
        awaitConsumed(publish(likes));

        for (BsocialEvent event : likes) {
            JsonNode document = search.get("/" + INDEX + "/_doc/" + event.eventId());
            assertThat(document.path("found").asBoolean()).as(event.eventType()).isTrue();
            assertThat(document.path("_source")).isEqualTo(EventJson.tree(EventJson.write(event)));
        }
        JsonNode mapping = search.get("/" + INDEX + "/_mapping").path(INDEX).path("mappings").path("properties");
        assertThat(mapping.path("postExcerpt").path("type").asString()).isEqualTo("text");
    }

    @Test
    void aDeletionThatArrivesFirstErasesTheCreatesAndEditsThatFollow() {
        EditAndDeleteStory story = story();
        awaitConsumed(publish(story.deletions()));
        List<BsocialEvent> later = new ArrayList<>(story.creates());
        later.addAll(story.edits());
        awaitConsumed(publish(later));

        assertOnlyTheKeptRemain(story);
    }

    @Test
    void aDeletionThatArrivesLastErasesWhatWasCountedBefore() {
        EditAndDeleteStory story = story();
        List<BsocialEvent> first = new ArrayList<>(story.creates());
        first.addAll(story.edits());
        awaitConsumed(publish(first));
        search.refresh(INDEX);
        // Before the deletions the deleted posts are top (three comments) and worst (none).
        assertThat(topAndWorst(story)).isEqualTo(answer(story.deletedTop, 3, story.deletedWorst, 0));

        awaitConsumed(publish(story.deletions()));

        assertOnlyTheKeptRemain(story);
    }

    /**
     * Many stories, their events shuffled and sent at once over the eleven topics: creates,
     * edits and deletions of one post meet in one batch, or in batches the three consumers write
     * at the same time, in any order.
     */
    @Test
    void deletionsAndCreatesArrivingTogetherInAnyOrderLeaveNothingOfTheDeleted() {
        List<EditAndDeleteStory> stories = new ArrayList<>();
        List<BsocialEvent> events = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            EditAndDeleteStory story = story();
            stories.add(story);
            events.addAll(story.all());
        }
        Collections.shuffle(events, new Random(ThreadLocalRandom.current().nextLong()));
        awaitConsumed(publish(events));

        stories.forEach(this::assertOnlyTheKeptRemain);
    }

    private void assertOnlyTheKeptRemain(EditAndDeleteStory story) {
        for (BsocialEvent event : story.erased()) {
            assertThat(search.status("/" + INDEX + "/_doc/" + event.eventId())).as("erased " + event).isEqualTo(404);
        }
        for (BsocialEvent event : story.kept()) {
            assertThat(search.status("/" + INDEX + "/_doc/" + event.eventId())).as("kept " + event).isEqualTo(200);
        }
        // The answer the query contract expects of the same story (the refresh only makes the
        // last creates searchable: what was erased is gone from GET already).
        search.refresh(INDEX);
        assertThat(topAndWorst(story)).isEqualTo(answer(story.top, 2, story.worst, 1));
    }

    private JsonNode topAndWorst(EditAndDeleteStory story) {
        var response = IndexerHttp.get(port, "/api/stats/users/" + story.author + "/top-and-worst-post");
        assertThat(response.statusCode()).isEqualTo(200);
        return EventJson.tree(response.body());
    }

    private static JsonNode answer(long top, long topComments, long worst, long worstComments) {
        return EventJson.tree("{\"top\":{\"postId\":" + top + ",\"comments\":" + topComments + "},"
                + "\"worst\":{\"postId\":" + worst + ",\"comments\":" + worstComments + "}}");
    }

    /** A story of its own: ids no other test (nor the seeded indices) uses. */
    private static EditAndDeleteStory story() {
        long n = ThreadLocalRandom.current().nextLong(1_000, 100_000_000);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return new EditAndDeleteStory(n * 2, n * 10 + 7_000_000_000L, daysAgo -> now.minus(Duration.ofDays(daysAgo)));
    }

    private List<RecordMetadata> publish(List<BsocialEvent> events) {
        List<RecordMetadata> sent = new ArrayList<>();
        for (BsocialEvent event : events) {
            try {
                sent.add(kafka.send(topicOf(event), postKeyOf(event), EventJson.write(event)).get(10, TimeUnit.SECONDS)
                        .getRecordMetadata());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return sent;
    }

    /** Waits until the indexer committed past every message sent: it wrote them and erased what they cover. */
    private static void awaitConsumed(List<RecordMetadata> sent) {
        Map<TopicPartition, Long> ends = new HashMap<>();
        sent.forEach(m -> ends.merge(new TopicPartition(m.topic(), m.partition()), m.offset() + 1, Math::max));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                System.getProperty("spring.embedded.kafka.brokers")))) {
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                return ends.entrySet().stream().allMatch(end -> committed.get(end.getKey()) != null
                        && committed.get(end.getKey()).offset() >= end.getValue());
            });
        }
    }

    /** As web routes them: each type on its own topic ({@code bsocial.<type>}). */
    private static String topicOf(BsocialEvent event) {
        return "bsocial." + event.eventType();
    }

    /** As web keys them: every post and comment event by its post, so that a post's events keep their order. */
    private static String postKeyOf(BsocialEvent event) {
        long postId;
        if (event instanceof PostCreated e) {
            postId = e.postId();
        } else if (event instanceof PostUpdated e) {
            postId = e.postId();
        } else if (event instanceof PostDeleted e) {
            postId = e.postId();
        } else if (event instanceof CommentCreated e) {
            postId = e.postId();
        } else if (event instanceof CommentUpdated e) {
            postId = e.postId();
        } else if (event instanceof CommentDeleted e) {
            postId = e.postId();
        } else if (event instanceof PostLiked e) {
            postId = e.postId();
        } else if (event instanceof PostUnliked e) {
            postId = e.postId();
        } else {
            throw new IllegalArgumentException("not a post or comment event: " + event.eventType());
        }
        return String.valueOf(postId);
    }
}
