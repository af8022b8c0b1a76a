package io.bsocial.system.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.bsocial.web.support.ApiClient;
import io.bsocial.system.support.EndToEnd;
import io.bsocial.web.support.TestUsers;
import io.bsocial.web.support.TestUsers.LoggedIn;
import tools.jackson.databind.JsonNode;

/**
 * The outbox's promise across processes: a burst of concurrent comments through web's API ends,
 * in the notifier, with every notification delivered exactly once, and, in the indexer, with the
 * stats API counting every comment.
 */
class CommentBurstIT extends EndToEnd {

    static final int AUTHORS = 4;
    static final int COMMENTERS = 8;
    static final int COMMENTS_EACH = 40;

    @Test
    void everyConcurrentCommentIsNotifiedOnceAndCounted() throws Exception {
        ApiClient web = new ApiClient(port);
        List<LoggedIn> authors = new ArrayList<>();
        Map<Long, Long> postOf = new HashMap<>();
        for (int a = 0; a < AUTHORS; a++) {
            LoggedIn author = TestUsers.create(web, "burst_author");
            authors.add(author);
        }
        List<LoggedIn> commenters = new ArrayList<>();
        for (int c = 0; c < COMMENTERS; c++) {
            LoggedIn commenter = TestUsers.create(web, "burst_commenter");
            for (LoggedIn author : authors) {
                TestUsers.follow(web, commenter, author);
            }
            commenters.add(commenter);
        }
        for (LoggedIn author : authors) {
            postOf.put(author.id(), TestUsers.post(web, author, "Comment on this, everyone at once"));
        }

        // commentId -> post author, for every comment web answered 201.
        Map<Long, Long> comments = new ConcurrentHashMap<>();
        CyclicBarrier start = new CyclicBarrier(COMMENTERS);
        ExecutorService pool = Executors.newFixedThreadPool(COMMENTERS);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (LoggedIn commenter : commenters) {
                work.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < COMMENTS_EACH; i++) {
                        LoggedIn author = authors.get(i % AUTHORS);
                        ApiClient.Response created = web.post("/api/posts/" + postOf.get(author.id()) + "/comments",
                                ApiClient.json(Map.of("content", "comment " + i + " by " + commenter.username())),
                                commenter.auth());
                        assertThat(created.status()).as(created.body()).isEqualTo(201);
                        comments.put(created.json().get("id").asLong(), author.id());
                    }
                    return null;
                }));
            }
            for (Future<?> done : work) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(comments).hasSize(COMMENTERS * COMMENTS_EACH);

        ApiClient notifier = new ApiClient("http://localhost:" + NOTIFIER_PORT);
        ApiClient stats = new ApiClient(indexerUrl());
        for (LoggedIn author : authors) {
            List<Long> expected = comments.entrySet().stream().filter(e -> e.getValue() == author.id())
                    .map(Map.Entry::getKey).toList();

            // Every notification arrives once: collected over as many calls as it takes, never repeated.
            List<Long> delivered = new ArrayList<>();
            Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                for (JsonNode item : notifier.get("/api/notifications", author.auth()).json().get("items")) {
                    // The commenters' follows (which let them see the post) notify the author too.
                    if ("comment".equals(item.get("type").asString())) {
                        delivered.add(item.get("commentId").asLong());
                    }
                }
                assertThat(delivered).as("notifications delivered to %s so far", author.username())
                        .hasSizeGreaterThanOrEqualTo(expected.size());
            });
            assertThat(delivered).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(notifier.get("/api/notifications", author.auth()).json().get("items").valueStream()
                    .filter(item -> "comment".equals(item.get("type").asString()))).isEmpty();

            // The stored query counts every comment of the author's only post.
            long post = postOf.get(author.id());
            Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                JsonNode answer = stats.get("/api/stats/users/" + author.id() + "/top-and-worst-post").json();
                assertThat(answer.get("top").get("postId").asLong()).isEqualTo(post);
                assertThat(answer.get("top").get("comments").asLong()).isEqualTo(expected.size());
            });
        }
    }
}
