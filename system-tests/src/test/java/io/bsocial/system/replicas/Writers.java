package io.bsocial.system.replicas;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.bsocial.web.support.ApiClient;
import io.bsocial.web.support.TestUsers.LoggedIn;

/**
 * Concurrent writers through the load balancer, each a user who follows the authors: they take
 * turns to post and to comment on an author's post until stopped. Only a 201 is an acknowledged
 * write (its id kept); anything else (a 502 from a killed instance, a cut connection) is counted,
 * never retried: whether it was written is unknown to the writer, as to a real client.
 */
final class Writers {

    /** Under the budget of posts and comments (300 per user and 3 hours), which stays at its default. */
    static final int MAX_WRITES_EACH = 250;

    private final ApiClient api;
    private final List<LoggedIn> writers;
    private final List<Long> authorPosts;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final ExecutorService pool;
    private final List<Future<?>> running = new ArrayList<>();

    /** post id → writer, for every 201 of {@code POST /api/posts}. */
    final ConcurrentMap<Long, Long> posts = new ConcurrentHashMap<>();
    /** comment id → the commented post, for every 201 of {@code POST /api/posts/{id}/comments}. */
    final ConcurrentMap<Long, Long> comments = new ConcurrentHashMap<>();
    /** How the unacknowledged attempts ended: a status, or "no answer". */
    final ConcurrentMap<String, Integer> unacknowledged = new ConcurrentHashMap<>();
    /** When the last 201 came ({@link System#nanoTime()}). */
    final AtomicLong lastAcknowledged = new AtomicLong();

    Writers(ApiClient api, List<LoggedIn> writers, List<Long> authorPosts) {
        this.api = api;
        this.writers = writers;
        this.authorPosts = authorPosts;
        this.pool = Executors.newFixedThreadPool(writers.size());
    }

    void start() {
        for (LoggedIn writer : writers) {
            running.add(pool.submit(() -> write(writer)));
        }
    }

    private void write(LoggedIn writer) {
        for (int i = 0; i < MAX_WRITES_EACH && !stop.get(); i++) {
            boolean post = i % 2 == 0;
            long onPost = authorPosts.get(i / 2 % authorPosts.size());
            String path = post ? "/api/posts" : "/api/posts/" + onPost + "/comments";
            String content = (post ? "post " : "comment ") + i + " by " + writer.username();
            try {
                ApiClient.Response answer = api.post(path, ApiClient.json(Map.of("content", content)), writer.auth());
                if (answer.status() == 201) {
                    long id = answer.json().get("id").asLong();
                    lastAcknowledged.accumulateAndGet(System.nanoTime(), Math::max);
                    if (post) {
                        posts.put(id, writer.id());
                    } else {
                        comments.put(id, onPost);
                    }
                } else {
                    unacknowledged.merge(Integer.toString(answer.status()), 1, Integer::sum);
                }
            } catch (IllegalStateException noAnswer) {
                unacknowledged.merge("no answer", 1, Integer::sum);
            }
        }
    }

    /** Stops them and waits for every writer's last request to end. */
    void stop() throws Exception {
        stop.set(true);
        for (Future<?> writer : running) {
            writer.get();
        }
        pool.shutdown();
    }

    int acknowledged() {
        return posts.size() + comments.size();
    }
}
