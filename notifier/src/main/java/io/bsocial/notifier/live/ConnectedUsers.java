package io.bsocial.notifier.live;

import java.util.HashMap;
import java.util.Map;

import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.user.SimpUser;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import io.bsocial.shared.security.SessionUser;

/** The users with a socket open on this instance, and sending to their user destinations. */
@Component
public class ConnectedUsers {

    private final SimpUserRegistry registry;
    private final SimpMessagingTemplate messaging;

    ConnectedUsers(SimpUserRegistry registry, SimpMessagingTemplate messaging) {
        this.registry = registry;
        this.messaging = messaging;
    }

    /** Users here subscribed to {@code destination} (e.g. {@code /user/queue/feed}): username by user id. */
    public Map<Long, String> subscribedTo(String destination) {
        Map<Long, String> users = new HashMap<>();
        for (SimpUser user : registry.getUsers()) {
            if (user.getPrincipal() instanceof Authentication authentication
                    && authentication.getPrincipal() instanceof SessionUser sessionUser
                    && user.getSessions().stream().flatMap(session -> session.getSubscriptions().stream())
                            .anyMatch(subscription -> destination.equals(subscription.getDestination()))) {
                users.put(sessionUser.id(), user.getName());
            }
        }
        return users;
    }

    /** Sends to every session of the user here that subscribed to {@code /user} + {@code queue}. */
    public void send(String username, String queue, Object payload) {
        messaging.convertAndSendToUser(username, queue, payload);
    }
}
