package io.bsocial.notifier.live.internal;

import org.springframework.messaging.simp.user.SimpUser;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.stereotype.Component;

/**
 * Whether a user has a STOMP session on this instance whose notification subscription the broker
 * holds. Keeps nothing itself: it asks Spring's user registry, which learns a subscription from
 * the SUBSCRIBE event. That event comes after the broker registered the subscription, because
 * {@link WebSocketConfig} handles inbound frames on the thread that read them.
 */
@Component
class ReadySubscribers {

    private static final String SUBSCRIBED = "/user" + WebSocketConfig.NOTIFICATIONS;

    private final SimpUserRegistry users;

    ReadySubscribers(SimpUserRegistry users) {
        this.users = users;
    }

    boolean isReady(String username) {
        SimpUser user = users.getUser(username);
        return user != null && user.getSessions().stream().flatMap(session -> session.getSubscriptions().stream())
                .anyMatch(subscription -> SUBSCRIBED.equals(subscription.getDestination()));
    }
}
