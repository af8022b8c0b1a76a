package io.bsocial.bench;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;

/**
 * Issue 17's write-side figures: how soon a post shows in a follower's feed, and how fast the home
 * timeline fans posts out (entries written per second until nothing is pending).
 */
final class TimelineProbes {

    private static final long VISIBLE_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final WebApi web;

    TimelineProbes(WebApi web) {
        this.web = web;
    }

    /**
     * {@code posts} posts by the author, one at a time; after each 201, one follower (in turn from
     * {@code followerTokens}) polls its first feed page until the post is on it. A post that does
     * not show within 30 s is left out of the latencies (n then says so).
     */
    Latencies visible(String authorToken, List<String> followerTokens, int posts) throws Exception {
        List<Double> latencies = new ArrayList<>();
        for (int i = 0; i < posts; i++) {
            String follower = followerTokens.get(i * 7919 % followerTokens.size());
            HttpResponse<String> response = web.post("/api/posts", authorToken,
                    Map.of("content", "Celebrity post " + i + ": is it in your feed yet?"));
            long created = System.nanoTime();
            if (response.statusCode() != 201) {
                throw new IllegalStateException("POST /api/posts answered HTTP " + response.statusCode());
            }
            long id = Json.tree(response.body()).get("id").asLong();
            while (System.nanoTime() - created < VISIBLE_TIMEOUT_NANOS) {
                if (onFirstPage(web.get("/api/feed?limit=20", follower), id)) {
                    latencies.add((System.nanoTime() - created) / 1e6);
                    break;
                }
                Thread.sleep(20);
            }
        }
        return Latencies.of(latencies);
    }

    static boolean onFirstPage(JsonNode feed, long postId) {
        for (JsonNode post : feed.path("items")) {
            if (post.path("id").asLong() == postId) {
                return true;
            }
        }
        return false;
    }

    /** A count that only grows: the timeline entries written so far (PostgreSQL's insert counter). */
    interface RowsWritten {
        long now() throws Exception;
    }

    /**
     * A burst of {@code posts} posts by an author (4 at a time), then the entries written watched
     * until nothing is pending and no entry has been written for 3 s: entries written over the time
     * from the first post to the last write. Rows written, not the table's growth: once timelines
     * are full, trimming on write takes back about as many entries as the fan-out adds.
     */
    FollowScale.FanOut fanOut(Timelines timelines, RowsWritten written, String author, long followers,
            String authorToken, int posts) throws Exception {
        long before = written.now();
        long started = System.nanoTime();
        ExecutorService writers = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> sent = new ArrayList<>();
            for (int i = 0; i < posts; i++) {
                int n = i;
                sent.add(writers.submit(() -> web.post("/api/posts", authorToken,
                        Map.of("content", "Fan-out burst post " + n + ".")).statusCode()));
            }
            for (Future<Integer> status : sent) {
                if (status.get() != 201) {
                    throw new IllegalStateException("POST /api/posts answered HTTP " + status.get());
                }
            }
        } finally {
            writers.shutdownNow();
        }
        long entries = before;
        long grewAt = started;
        long deadline = started + TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < deadline) {
            Timelines.State state = timelines.state().orElseThrow();
            long rows = written.now();
            long now = System.nanoTime();
            if (rows != entries) {
                entries = rows;
                grewAt = now;
            }
            if (state.pending() == 0 && entries != before && now - grewAt > TimeUnit.SECONDS.toNanos(3)) {
                break;
            }
            if (state.pending() == 0 && entries == before && now - started > TimeUnit.SECONDS.toNanos(60)) {
                break; // nothing was fanned out at all: reported as 0 entries written
            }
            Thread.sleep(100);
        }
        return new FollowScale.FanOut(author, followers, posts, entries - before, (grewAt - started) / 1e9);
    }
}
