package io.bsocial.notifier.live.internal;

import java.io.IOException;
import java.time.Clock;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.annotation.PartitionOffset;
import org.springframework.kafka.annotation.TopicPartition;
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
class OpenSockets implements WebSocketHandlerDecoratorFactory {

    private static final Logger log = LoggerFactory.getLogger(OpenSockets.class);
    static final CloseStatus SESSION_ENDED = new CloseStatus(4001, "session ended");

    /** How many notification ids a socket remembers having heard: the last ones are enough. */
    static final int HEARD = 512;
    private static final String HEARD_ATTRIBUTE = OpenSockets.class.getName() + ".heard";

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

    /**
     * True the first time the socket (whose id is its STOMP session's) is told of the notification;
     * false for one that closed. The ids live with the socket and go with it.
     */
    @SuppressWarnings("unchecked")
    boolean firstHearing(String socketId, long notificationId) {
        WebSocketSession socket = sockets.get(socketId);
        return socket != null && ((Set<Long>) socket.getAttributes()
                .computeIfAbsent(HEARD_ATTRIBUTE, key -> Collections.synchronizedSet(Collections.newSetFromMap(
                        new LinkedHashMap<Long, Boolean>() {
                            @Override
                            protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
                                return size() > HEARD;
                            }
                        })))).add(notificationId);
    }

    /** Someone logged out somewhere: close the sockets whose session is gone, now. */
    @KafkaListener(containerFactory = InstanceListeners.FACTORY, topicPartitions = @TopicPartition(topic = EventTopics.USER_LOGGED_OUT, partitions = InstanceListeners.EVERY_PARTITION,
            partitionOffsets = @PartitionOffset(partition = "*", initialOffset = "0", seekPosition = "END")))
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
