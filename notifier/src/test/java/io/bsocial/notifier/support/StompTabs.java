package io.bsocial.notifier.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Type;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.awaitility.Awaitility;
import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.simp.stomp.ConnectionLostException;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.messaging.simp.user.SimpUser;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

import io.bsocial.notifier.support.TestSessions.LoggedIn;
import tools.jackson.databind.JsonNode;

/**
 * Browser tabs of web's pages on one notifier instance's STOMP endpoint: the session cookie and
 * the page's Origin on the handshake, the page's masked CSRF token on CONNECT, then a subscription
 * that counts only once the server holds it (the simple broker sends no receipts). As Spring's
 * STOMP client ({@link #open}) or as raw frames ({@link #openRaw}, for what a script would send).
 * Closing closes every socket it opened.
 */
public final class StompTabs implements AutoCloseable {

    /** The page origin {@code NotifierTest} allows. */
    public static final String ORIGIN = "http://localhost:8080";

    private static final Duration SUBSCRIBED = Duration.ofSeconds(30);

    private final int port;
    private final SimpUserRegistry registry;
    private final WebSocketStompClient stomp;
    private final List<RawStomp> rawSockets = new CopyOnWriteArrayList<>();

    /** Tabs on the instance at {@code port}, whose user registry tells when a subscription is held. */
    public StompTabs(int port, SimpUserRegistry registry) {
        this.port = port;
        this.registry = registry;
        this.stomp = new WebSocketStompClient(new StandardWebSocketClient());
        this.stomp.setMessageConverter(new JacksonJsonMessageConverter());
    }

    /** A tab of the user, from the allowed origin, listening on {@code destination} (e.g. /user/queue/feed). */
    public Tab open(LoggedIn user, String destination) {
        return open(user, ORIGIN, destination);
    }

    public Tab open(LoggedIn user, String origin, String destination) {
        WebSocketHttpHeaders headers = new WebSocketHttpHeaders();
        headers.add("Cookie", user.cookie());
        headers.setOrigin(origin);
        // As the page does: the session's CSRF token (masked, from <meta name="_csrf">) on CONNECT.
        StompHeaders connectHeaders = new StompHeaders();
        connectHeaders.add(user.csrfHeader(), user.maskedCsrfToken());
        Tab tab = new Tab(destination, connect(headers, connectHeaders));
        tab.session.subscribe(destination, new StompFrameHandler() {
            @Override
            public Type getPayloadType(StompHeaders headers) {
                return JsonNode.class;
            }

            @Override
            public void handleFrame(StompHeaders headers, Object payload) {
                tab.received.add((JsonNode) payload);
            }
        });
        awaitSubscribed(user, destination);
        return tab;
    }

    /**
     * The STOMP session, once CONNECTED. On a loaded machine a connect can be lost before its
     * CONNECTED arrives (the server was slow to answer): that attempt is repeated, within a
     * generous bound. A refused handshake (401, 403) fails at once.
     */
    public StompSession connect(WebSocketHttpHeaders headers, StompHeaders connectHeaders) {
        AtomicReference<StompSession> session = new AtomicReference<>();
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollDelay(Duration.ZERO)
                .until(() -> {
                    try {
                        session.set(stomp.connectAsync("ws://localhost:" + port + "/ws", headers, connectHeaders,
                                new StompSessionHandlerAdapter() {
                                }).get(30, TimeUnit.SECONDS));
                        return true;
                    } catch (ExecutionException failure) {
                        if (failure.getCause() instanceof ConnectionLostException) {
                            return false;
                        }
                        throw failure;
                    }
                });
        return session.get();
    }

    /** A raw socket connected as the page does (cookie, Origin, masked CSRF token), once CONNECTED. */
    public RawStomp openRaw(LoggedIn user) {
        RawStomp socket = RawStomp.open(port, "Cookie", user.cookie(), "Origin", ORIGIN);
        rawSockets.add(socket);
        socket.connect(user.csrfHeader(), user.maskedCsrfToken()).await("CONNECTED");
        return socket;
    }

    /** What {@code notifications.js} does: {@link #openRaw}, then subscribe (as {@code sub-0}). */
    public RawStomp openRaw(LoggedIn user, String destination) {
        RawStomp socket = openRaw(user);
        socket.subscribe("sub-0", destination);
        awaitSubscribed(user, destination);
        return socket;
    }

    /** Until the server holds a subscription of the user (any of their sessions) to {@code destination}. */
    public void awaitSubscribed(LoggedIn user, String destination) {
        Awaitility.await().atMost(SUBSCRIBED).until(() -> subscribed(user.username(), destination));
    }

    private boolean subscribed(String username, String destination) {
        SimpUser user = registry.getUser(username);
        return user != null && user.getSessions().stream().flatMap(session -> session.getSubscriptions().stream())
                .anyMatch(subscription -> subscription.getDestination().equals(destination));
    }

    @Override
    public void close() {
        stomp.stop();
        rawSockets.forEach(RawStomp::close);
    }

    /** One tab's STOMP session and what it heard on its destination. */
    public static final class Tab {

        private final String destination;
        private final StompSession session;
        private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();

        private Tab(String destination, StompSession session) {
            this.destination = destination;
            this.session = session;
        }

        public StompSession session() {
            return session;
        }

        /** What arrived and was not taken yet. */
        public BlockingQueue<JsonNode> received() {
            return received;
        }

        /** The next message, which must come within 10 s. */
        public JsonNode next() throws InterruptedException {
            JsonNode message = received.poll(10, TimeUnit.SECONDS);
            assertThat(message).as("a message on %s within 10 s", destination).isNotNull();
            return message;
        }
    }
}
