package io.bsocial.notifier.live.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.messaging.simp.user.SimpSession;
import org.springframework.messaging.simp.user.SimpUser;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import io.bsocial.shared.security.SessionUser;

/**
 * Who listens on this instance: the STOMP sessions whose subscription to one of the user queues
 * the broker holds. Keeps nothing itself: it asks Spring's user registry, which learns a
 * subscription from the SUBSCRIBE event. That event comes after the broker registered the
 * subscription, because {@link WebSocketConfig} handles inbound frames on the thread that read them.
 */
@Component
class ReadySubscribers {

    private final SimpUserRegistry users;

    ReadySubscribers(SimpUserRegistry users) {
        this.users = users;
    }

    /** The user's sessions here subscribed to {@code queue} (e.g. {@link WebSocketConfig#NOTIFICATIONS}). */
    List<String> sessions(String username, String queue) {
        SimpUser user = users.getUser(username);
        return user == null ? List.of() : user.getSessions().stream().filter(session -> listens(session, queue))
                .map(SimpSession::getId).toList();
    }

    /** The users with a session here subscribed to {@code queue}: username by user id. */
    Map<Long, String> users(String queue) {
        Map<Long, String> listening = new HashMap<>();
        for (SimpUser user : users.getUsers()) {
            if (user.getPrincipal() instanceof Authentication authentication
                    && authentication.getPrincipal() instanceof SessionUser sessionUser
                    && user.getSessions().stream().anyMatch(session -> listens(session, queue))) {
                listening.put(sessionUser.id(), user.getName());
            }
        }
        return listening;
    }

    private static boolean listens(SimpSession session, String queue) {
        return session.getSubscriptions().stream().anyMatch(subscription -> ("/user" + queue).equals(subscription.getDestination()));
    }
}
