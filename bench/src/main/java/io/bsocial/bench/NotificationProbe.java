package io.bsocial.bench;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

import tools.jackson.databind.JsonNode;

/**
 * Comment 201 → STOMP message: the post's author listens on the notifier's socket while another
 * user comments at a steady rate; for each comment, the time from its 201 to its notification.
 */
final class NotificationProbe {

    private final WebApi web;
    private final URI notifierSocket;

    NotificationProbe(WebApi web, URI notifierSocket) {
        this.web = web;
        this.notifierSocket = notifierSocket;
    }

    Latencies measure(String authorToken, String commenterToken, long postId, int perSecond, int seconds)
            throws Exception {
        Map<Long, Long> pushedAt = new ConcurrentHashMap<>();
        Map<Long, Long> createdAt = new ConcurrentHashMap<>();
        WebSocketStompClient stomp = new WebSocketStompClient(new StandardWebSocketClient());
        stomp.setDefaultHeartbeat(new long[] {0, 0});
        // Authenticated by X-Auth-Token, as a script is, not by the cookie: the notifier then needs
        // no CSRF token on CONNECT (it does for cookie-authenticated sockets, which only pages have).
        WebSocketHttpHeaders handshake = new WebSocketHttpHeaders();
        handshake.add("X-Auth-Token", authorToken);
        StompSession session = stomp.connectAsync(notifierSocket, handshake, new StompHeaders(), new Listener(pushedAt))
                .get(10, TimeUnit.SECONDS);
        session.subscribe("/user/queue/notifications", new Listener(pushedAt));
        Thread.sleep(1000); // the SUBSCRIBE frame has no receipt: give the notifier a moment to register it

        ScheduledExecutorService pace = Executors.newScheduledThreadPool(1);
        ExecutorService senders = Executors.newFixedThreadPool(16);
        int total = perSecond * seconds;
        CountDownLatch sent = new CountDownLatch(total);
        long periodMicros = 1_000_000L / perSecond;
        try {
            for (int i = 0; i < total; i++) {
                int n = i;
                pace.schedule(() -> senders.submit(() -> {
                    try {
                        HttpResponse<String> response = web.post("/api/posts/" + postId + "/comments", commenterToken,
                                Map.of("content", "bench comment " + n));
                        long now = System.nanoTime();
                        if (response.statusCode() == 201) {
                            createdAt.put(Json.tree(response.body()).get("id").asLong(), now);
                        }
                    } finally {
                        sent.countDown();
                    }
                    return null;
                }), n * periodMicros, TimeUnit.MICROSECONDS);
            }
            sent.await(seconds + 120L, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!pushedAt.keySet().containsAll(createdAt.keySet()) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
        } finally {
            // With a receipt asked for, the notifier confirms the DISCONNECT with a RECEIPT; without
            // one, Spring answers an ERROR frame "Session closed.", which read like a refusal.
            StompHeaders bye = new StompHeaders();
            bye.setReceipt("bye");
            session.disconnect(bye);
            stomp.stop();
            pace.shutdownNow();
            senders.shutdownNow();
        }
        List<Double> latencies = new ArrayList<>();
        createdAt.forEach((id, created) -> {
            Long pushed = pushedAt.get(id);
            if (pushed != null) {
                latencies.add((pushed - created) / 1e6);
            }
        });
        return Latencies.of(latencies);
    }

    /** Notes when each comment's notification arrived. */
    private static final class Listener extends ProbeListener {

        private final Map<Long, Long> pushedAt;

        Listener(Map<Long, Long> pushedAt) {
            this.pushedAt = pushedAt;
        }

        @Override
        void heard(JsonNode notification, long arrivedAt) {
            if (notification.has("commentId")) {
                pushedAt.putIfAbsent(notification.get("commentId").asLong(), arrivedAt);
            }
        }
    }
}
