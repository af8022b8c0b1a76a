package io.bsocial.notifier.live;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;
import org.springframework.web.socket.messaging.SessionUnsubscribeEvent;

/**
 * Users with at least one STOMP session whose notification subscription the broker already
 * holds. Only to them is a notification pushed (and so marked delivered): pushing between CONNECT
 * and SUBSCRIBE would mark delivered a message nobody receives.
 */
@Component
class ReadySubscribers {

    private final Map<String, Set<String>> sessionsByUser = new ConcurrentHashMap<>();

    void ready(String username, String stompSessionId) {
        sessionsByUser.computeIfAbsent(username, u -> ConcurrentHashMap.newKeySet()).add(stompSessionId);
    }

    boolean isReady(String username) {
        Set<String> sessions = sessionsByUser.get(username);
        return sessions != null && !sessions.isEmpty();
    }

    @EventListener
    void unsubscribed(SessionUnsubscribeEvent event) {
        forget(event.getUser() == null ? null : event.getUser().getName(), event.getMessage().getHeaders()
                .get("simpSessionId", String.class));
    }

    @EventListener
    void disconnected(SessionDisconnectEvent event) {
        forget(event.getUser() == null ? null : event.getUser().getName(), event.getSessionId());
    }

    private void forget(String username, String stompSessionId) {
        if (username == null || stompSessionId == null) {
            return;
        }
        sessionsByUser.computeIfPresent(username, (user, sessions) -> {
            sessions.remove(stompSessionId);
            return sessions.isEmpty() ? null : sessions;
        });
    }
}
