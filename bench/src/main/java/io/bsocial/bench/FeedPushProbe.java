package io.bsocial.bench;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

import tools.jackson.databind.JsonNode;

/**
 * Issue 16's figure: an author's post 201 → {@code {"type":"post",...}} on the live feed
 * ({@code /user/queue/feed}) of each of the followers connected to the notifier. Each follower has
 * a STOMP session of their own (authenticated by X-Auth-Token, as {@link NotificationProbe}'s), the
 * author posts one post at a time, and every (post, follower) pair is one latency.
 */
final class FeedPushProbe {

    private final WebApi web;
    private final URI notifierSocket;

    FeedPushProbe(WebApi web, URI notifierSocket) {
        this.web = web;
        this.notifierSocket = notifierSocket;
    }

    /** {@code posts} posts by the author, {@code periodMillis} apart; latencies over posts × followers. */
    Latencies measure(String authorToken, List<String> followerTokens, int posts, long periodMillis) throws Exception {
        // post id -> (follower's session index -> when it heard of it)
        Map<Long, Map<Integer, Long>> heard = new ConcurrentHashMap<>();
        WebSocketStompClient stomp = new WebSocketStompClient(new StandardWebSocketClient());
        stomp.setDefaultHeartbeat(new long[] {0, 0});
        List<StompSession> sessions = new ArrayList<>();
        AtomicBoolean closing = new AtomicBoolean();
        try {
            for (int i = 0; i < followerTokens.size(); i++) {
                WebSocketHttpHeaders handshake = new WebSocketHttpHeaders();
                handshake.add("X-Auth-Token", followerTokens.get(i));
                Listener listener = new Listener(i, heard, closing);
                StompSession session = stomp.connectAsync(notifierSocket, handshake, new StompHeaders(), listener)
                        .get(30, TimeUnit.SECONDS);
                session.subscribe("/user/queue/feed", listener);
                sessions.add(session);
            }
            // SUBSCRIBE has no receipt: the sessions are ready when a post reaches every one of them.
            long ready = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            boolean allHeard = false;
            while (!allHeard && System.nanoTime() < ready) {
                long warmUp = post(authorToken, "A warm-up post for the live feed benchmark.");
                long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (System.nanoTime() < waitUntil && !(allHeard = heardBy(heard, warmUp) == sessions.size())) {
                    Thread.sleep(50);
                }
            }
            if (!allHeard) {
                throw new IllegalStateException("a post did not reach all " + sessions.size() + " connected followers in 60 s");
            }
            Map<Long, Long> createdAt = new ConcurrentHashMap<>();
            for (int i = 0; i < posts; i++) {
                long started = System.nanoTime();
                long id = post(authorToken, "Celebrity post " + i + " for the live feed benchmark.");
                createdAt.put(id, System.nanoTime());
                long rest = TimeUnit.MILLISECONDS.toNanos(periodMillis) - (System.nanoTime() - started);
                if (rest > 0) {
                    TimeUnit.NANOSECONDS.sleep(rest);
                }
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline
                    && !createdAt.keySet().stream().allMatch(id -> heardBy(heard, id) == sessions.size())) {
                Thread.sleep(100);
            }
            List<Double> latencies = new ArrayList<>();
            createdAt.forEach((id, created) -> heard.getOrDefault(id, Map.of()).values()
                    .forEach(at -> latencies.add((at - created) / 1e6)));
            return Latencies.of(latencies);
        } finally {
            closing.set(true); // each session then hears "Session closed.": not worth reporting
            for (StompSession session : sessions) {
                try {
                    session.disconnect();
                } catch (RuntimeException alreadyClosed) {
                    // nothing to tidy up
                }
            }
            stomp.stop();
        }
    }

    private long post(String token, String content) throws Exception {
        HttpResponse<String> response = web.post("/api/posts", token, Map.of("content", content));
        if (response.statusCode() != 201) {
            throw new IllegalStateException("POST /api/posts answered HTTP " + response.statusCode());
        }
        return Json.tree(response.body()).get("id").asLong();
    }

    private static int heardBy(Map<Long, Map<Integer, Long>> heard, long postId) {
        Map<Integer, Long> sessions = heard.get(postId);
        return sessions == null ? 0 : sessions.size();
    }

    /** Notes when one follower's session heard of each post. */
    private static final class Listener extends ProbeListener {

        private final int session;
        private final Map<Long, Map<Integer, Long>> heard;
        private final AtomicBoolean closing;

        Listener(int session, Map<Long, Map<Integer, Long>> heard, AtomicBoolean closing) {
            this.session = session;
            this.heard = heard;
            this.closing = closing;
        }

        @Override
        boolean closing() {
            return closing.get();
        }

        @Override
        void heard(JsonNode message, long arrivedAt) {
            if ("post".equals(message.path("type").asString()) && message.has("postId")) {
                heard.computeIfAbsent(message.get("postId").asLong(), id -> new ConcurrentHashMap<>())
                        .putIfAbsent(session, arrivedAt);
            }
        }
    }
}
