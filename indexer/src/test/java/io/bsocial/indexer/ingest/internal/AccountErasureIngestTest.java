package io.bsocial.indexer.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.bsocial.indexer.support.SearchHttp;
import io.bsocial.indexer.support.SearchNodes;
import io.bsocial.shared.events.Actor;
import io.bsocial.shared.events.BsocialEvent;
import io.bsocial.shared.events.CommentCreated;
import io.bsocial.shared.events.EventJson;
import io.bsocial.shared.events.PostCreated;
import io.bsocial.shared.events.PostLiked;
import io.bsocial.shared.events.UserBlocked;
import io.bsocial.shared.events.UserDeleted;
import io.bsocial.shared.events.UserFollowed;
import io.bsocial.shared.events.UserLoggedIn;
import io.bsocial.shared.events.UserRegistered;

/**
 * {@code bsocial.user-deleted} between a real Kafka broker and the real OpenSearch node: every
 * document that names the account (its own events with its e-mail, others' events about it) is
 * deleted, whatever the topic; the deletion's own document stays (id and username, no e-mail); an
 * event of the account that arrives later is not kept; documents of others that do not name it stay.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "spring.kafka.consumer.group-id=" + AccountErasureIngestTest.GROUP,
        "bsocial.opensearch.index=" + AccountErasureIngestTest.INDEX,
        "bsocial.opensearch.search-pattern=" + AccountErasureIngestTest.INDEX})
@ExtendWith(SearchNodes.class)
@DirtiesContext
class AccountErasureIngestTest {

    static final String GROUP = "indexer-erasure-test";
    static final String INDEX = "bsocial-events-erasure-test";

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
    void everyDocumentNamingTheAccountGoesTheDeletionStaysAndLateEventsAreNotKept() {
        long n = ThreadLocalRandom.current().nextLong(1_000, 100_000_000) * 10;
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Actor leaver = new Actor(n + 1, "leaver" + n, "leaver" + n + "@example.com");
        Actor friend = new Actor(n + 2, "friend" + n, "friend" + n + "@example.com");
        Actor stranger = new Actor(n + 3, "stranger" + n, "stranger" + n + "@example.com");
        long leaversPost = n * 3 + 1;
        long friendsPost = n * 3 + 2;

        List<BsocialEvent> naming = List.of(
                UserRegistered.of(leaver, "Lea", "Ver", now),
                UserLoggedIn.of(leaver, now),
                PostCreated.of(leaver, leaversPost, "my post", now),
                CommentCreated.of(friend, leaversPost, n * 5 + 1, "on the leaver's post", leaver.userId(),
                        leaver.username(), now),
                CommentCreated.of(friend, friendsPost, n * 5 + 2, "a reply to the leaver", friend.userId(),
                        friend.username(), n * 5 + 3, leaver.userId(), List.of(), "friend's post", now),
                UserFollowed.of(friend, leaver.userId(), leaver.username(), now),
                PostCreated.of(friend, n * 3 + 3, "hi @leaver", List.of(), List.of(leaver.userId()), now),
                UserBlocked.of(stranger, leaver.userId(), now),
                PostLiked.of(leaver, friendsPost, friend.userId(), "friend's post", now));
        List<BsocialEvent> kept = List.of(
                UserRegistered.of(friend, "Fri", "End", now),
                PostCreated.of(friend, friendsPost, "friend's post", now),
                CommentCreated.of(stranger, friendsPost, n * 5 + 4, "stranger's comment", friend.userId(),
                        friend.username(), now));
        List<BsocialEvent> before = new ArrayList<>(naming);
        before.addAll(kept);
        awaitConsumed(publish(before));
        search.refresh(INDEX);
        assertThat(naming(leaver)).isEqualTo(naming.size());

        UserDeleted deleted = UserDeleted.of(leaver.userId(), leaver.username(), now.plusSeconds(1));
        awaitConsumed(publish(List.of(deleted)));

        search.refresh(INDEX);
        assertThat(naming(leaver)).as("every document naming the account").isZero();
        assertThat(count("{\"query\":{\"term\":{\"email\":\"" + leaver.email() + "\"}}}")).isZero();
        assertThat(count("{\"query\":{\"multi_match\":{\"query\":\"" + leaver.username()
                + "\",\"fields\":[\"username\",\"followedUsername\",\"postAuthorUsername\"]}}}"))
                .as("only the deletion's own record").isEqualTo(1);
        var record = search.get("/" + INDEX + "/_doc/" + deleted.eventId()).path("_source");
        assertThat(record).isEqualTo(EventJson.tree(EventJson.write(deleted)));
        assertThat(record.has("email")).isFalse();
        for (BsocialEvent event : kept) {
            assertThat(search.status("/" + INDEX + "/_doc/" + event.eventId())).as("kept " + event).isEqualTo(200);
        }

        // Late: an event of the account (and one about it) arriving after the deletion is not kept.
        List<BsocialEvent> late = List.of(PostCreated.of(leaver, n * 3 + 4, "late post", now),
                UserFollowed.of(stranger, leaver.userId(), leaver.username(), now));
        awaitConsumed(publish(late));
        search.refresh(INDEX);
        for (BsocialEvent event : late) {
            assertThat(search.status("/" + INDEX + "/_doc/" + event.eventId())).as("late " + event).isEqualTo(404);
        }
        assertThat(naming(leaver)).isZero();
        // A redelivered deletion changes nothing.
        awaitConsumed(publish(List.of(deleted)));
        assertThat(search.status("/" + INDEX + "/_doc/" + deleted.eventId())).isEqualTo(200);
    }

    /** Documents other than user-deleted that name the user in any user field. */
    private long naming(Actor user) {
        StringBuilder should = new StringBuilder();
        for (String field : EventDocument.USER_FIELDS) {
            should.append(should.isEmpty() ? "" : ",").append("{\"term\":{\"").append(field).append("\":\"")
                    .append(user.userId()).append("\"}}");
        }
        return count("{\"query\":{\"bool\":{\"must_not\":[{\"term\":{\"eventType\":\"user-deleted\"}}],"
                + "\"minimum_should_match\":1,\"should\":[" + should + "]}}}");
    }

    private long count(String query) {
        return search.search(INDEX, query.replaceFirst("^\\{", "{\"size\":0,\"track_total_hits\":true,"))
                .path("hits").path("total").path("value").asLong();
    }

    private List<RecordMetadata> publish(List<BsocialEvent> events) {
        List<RecordMetadata> sent = new ArrayList<>();
        for (BsocialEvent event : events) {
            try {
                sent.add(kafka.send("bsocial." + event.eventType(), String.valueOf(event.userId()), EventJson.write(event))
                        .get(10, TimeUnit.SECONDS).getRecordMetadata());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return sent;
    }

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
}
