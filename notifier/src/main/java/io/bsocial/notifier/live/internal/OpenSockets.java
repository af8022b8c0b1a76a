package io.bsocial.notifier.live.internal;

import java.io.IOException;
import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.annotation.Lazy;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.user.SimpSession;
import org.springframework.messaging.simp.user.SimpUser;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;
import org.springframework.web.socket.handler.WebSocketHandlerDecoratorFactory;
import org.springframework.web.socket.server.support.HttpSessionHandshakeInterceptor;

import io.bsocial.notifier.live.OnEveryInstance;
import io.bsocial.notifier.notification.Notification;
import io.bsocial.shared.events.EventTopics;

/**
 * The WebSockets open on this instance, the HTTP session each was opened with, and the
 * notifications each has heard lately. A socket whose session no longer exists (logged out,
 * expired) is closed: at once when a logout event arrives (every instance hears every logout),
 * and at the latest after {@code bsocial.notifier.session-check}.
 *
 * <p>A notification goes to each socket of its recipient once: the push of a stored notification
 * and the catch-up of a tab that subscribes may both reach the same socket, and the database, which
 * lets every instance push (a person's tabs may be open on several), cannot tell them apart. The
 * last {@value #HEARD} ids per socket are enough: the two meet within the seconds an announcement
 * travels.
 */
@Component
class OpenSockets implements WebSocketHandlerDecoratorFactory, OnEveryInstance {

    private static final Logger log = LoggerFactory.getLogger(OpenSockets.class);
    static final CloseStatus SESSION_ENDED = new CloseStatus(4001, "session ended");

    static final int HEARD = 512;

    /** An open socket and the ids of the notifications it heard lately. */
    private record Open(WebSocketSession session, Map<Long, Boolean> heard) {

        Open(WebSocketSession session) {
            this(session, java.util.Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
                    return size() > HEARD;
                }
            }));
        }

        /** True the first time this socket is told of the notification. */
        boolean firstHearing(long notificationId) {
            return heard.putIfAbsent(notificationId, Boolean.TRUE) == null;
        }
    }

    private final Map<String, Open> sockets = new ConcurrentHashMap<>();
    private final JdbcClient jdbc;
    private final Clock clock;
    private final SimpUserRegistry users;
    private final SimpMessagingTemplate messaging;

    OpenSockets(JdbcClient jdbc, Clock clock, @Lazy SimpUserRegistry users, @Lazy SimpMessagingTemplate messaging) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.users = users;
        this.messaging = messaging;
    }

    @Override
    public WebSocketHandler decorate(WebSocketHandler handler) {
        return new WebSocketHandlerDecorator(handler) {
            @Override
            public void afterConnectionEstablished(WebSocketSession session) throws Exception {
                sockets.put(session.getId(), new Open(session));
                super.afterConnectionEstablished(session);
            }

            @Override
            public void afterConnectionClosed(WebSocketSession session, CloseStatus status) throws Exception {
                sockets.remove(session.getId());
                super.afterConnectionClosed(session, status);
            }
        };
    }

    int count() {
        return sockets.size();
    }

    /**
     * The notification to each socket of the user here that is subscribed to its notifications and
     * has not heard it yet (the STOMP session id is the socket's id).
     */
    void deliver(String username, Notification notification) {
        for (String session : subscribedSessions(username, WebSocketConfig.NOTIFICATIONS)) {
            Open socket = sockets.get(session);
            if (socket != null && socket.firstHearing(notification.id())) {
                messaging.convertAndSendToUser(username, WebSocketConfig.NOTIFICATIONS, notification, toSession(session));
            }
        }
    }

    /** The payload to every socket of the user here that is subscribed to {@code queue}. */
    void sendToEach(String username, String queue, Object payload) {
        messaging.convertAndSendToUser(username, queue, payload);
    }

    private List<String> subscribedSessions(String username, String queue) {
        SimpUser user = users.getUser(username);
        if (user == null) {
            return List.of();
        }
        return user.getSessions().stream()
                .filter(session -> session.getSubscriptions().stream()
                        .anyMatch(subscription -> ("/user" + queue).equals(subscription.getDestination())))
                .map(SimpSession::getId).toList();
    }

    private static MessageHeaders toSession(String sessionId) {
        SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
        headers.setSessionId(sessionId);
        headers.setLeaveMutable(true);
        return headers.getMessageHeaders();
    }

    @Override
    public List<String> topics() {
        return List.of(EventTopics.USER_LOGGED_OUT);
    }

    /** Someone logged out somewhere: close the sockets whose session is gone, now. */
    @Override
    public void on(String topic, String message) {
        closeEnded();
    }

    @Scheduled(fixedDelayString = "${bsocial.notifier.session-check:5s}")
    void closeEnded() {
        // Only the sockets whose sessions were looked up: one opened while the query ran is not in
        // its answer, and would be closed although its session is alive.
        List<WebSocketSession> checked = sockets.values().stream().map(Open::session).toList();
        if (checked.isEmpty()) {
            return;
        }
        Set<String> alive = aliveSessions(checked.stream().map(OpenSockets::httpSession)
                .filter(id -> id != null).distinct().toList());
        for (WebSocketSession socket : checked) {
            if (!alive.contains(httpSession(socket))) {
                close(socket);
            }
        }
    }

    private Set<String> aliveSessions(List<String> ids) {
        Set<String> alive = new HashSet<>();
        for (int from = 0; from < ids.size(); from += 500) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            alive.addAll(jdbc.sql("SELECT session_id FROM spring_session WHERE session_id IN (:ids) AND expiry_time > :now")
                    .param("ids", chunk).param("now", clock.millis())
                    .query(String.class).list().stream().map(String::trim).toList());
        }
        return alive;
    }

    private static String httpSession(WebSocketSession socket) {
        Object id = socket.getAttributes().get(HttpSessionHandshakeInterceptor.HTTP_SESSION_ID_ATTR_NAME);
        return id == null ? null : id.toString();
    }

    private void close(WebSocketSession socket) {
        try {
            socket.close(SESSION_ENDED);
        } catch (IOException | RuntimeException alreadyGone) {
            log.debug("socket {} was already closing", socket.getId());
        } finally {
            sockets.remove(socket.getId());
        }
    }
}
