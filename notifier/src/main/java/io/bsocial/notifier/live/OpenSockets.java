package io.bsocial.notifier.live;

import java.io.IOException;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;
import org.springframework.web.socket.handler.WebSocketHandlerDecoratorFactory;
import org.springframework.web.socket.server.support.HttpSessionHandshakeInterceptor;

import io.bsocial.shared.events.EventTopics;

/**
 * The WebSockets open on this instance and the HTTP session each was opened with. A socket whose
 * session no longer exists (logged out, expired) is closed: at once when a logout event arrives,
 * and at the latest after {@code bsocial.notifier.session-check}.
 */
@Component
class OpenSockets implements WebSocketHandlerDecoratorFactory {

    private static final Logger log = LoggerFactory.getLogger(OpenSockets.class);
    static final CloseStatus SESSION_ENDED = new CloseStatus(4001, "session ended");

    private final Map<String, WebSocketSession> sockets = new ConcurrentHashMap<>();
    private final JdbcClient jdbc;
    private final Clock clock;

    OpenSockets(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public WebSocketHandler decorate(WebSocketHandler handler) {
        return new WebSocketHandlerDecorator(handler) {
            @Override
            public void afterConnectionEstablished(WebSocketSession session) throws Exception {
                sockets.put(session.getId(), session);
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

    /** Someone logged out somewhere: close the sockets whose session is gone, now. */
    @KafkaListener(topics = EventTopics.USER_LOGGED_OUT, groupId = "bsocial-notifier-sockets-${random.uuid}",
            properties = "auto.offset.reset=latest")
    void onLogout(String message) {
        closeEnded();
    }

    @Scheduled(fixedDelayString = "${bsocial.notifier.session-check:5s}")
    void closeEnded() {
        // Only the sockets whose sessions were looked up: one opened while the query ran is not in
        // its answer, and would be closed although its session is alive.
        List<WebSocketSession> checked = List.copyOf(sockets.values());
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
