package io.bsocial.notifier.live;

import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Component;

import io.bsocial.notifier.notification.LiveDelivery;
import io.bsocial.notifier.notification.Notification;
import io.bsocial.notifier.notification.NotificationRepository;
import io.bsocial.notifier.notification.NotificationRepository.Delivery;

/**
 * Pushes notifications to every open socket of their recipient on this instance. A pushed
 * notification counts as delivered, so HTTP never returns it afterwards; one HTTP already
 * returned is not pushed. When the recipient has no socket here it waits for the next connect or
 * HTTP call.
 */
@Component
class LiveNotifications implements LiveDelivery {

    private static final int REMEMBERED = 10_000;

    private final SimpMessagingTemplate messaging;
    private final ReadySubscribers subscribers;
    private final NotificationRepository notifications;
    private final Clock clock;

    /** Recently pushed ids: the live push and the on-subscribe catch-up may race for one notification. */
    private final Set<Long> pushedHere = Collections.newSetFromMap(Collections.synchronizedMap(
            new LinkedHashMap<>() {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
                    return size() > REMEMBERED;
                }
            }));

    LiveNotifications(SimpMessagingTemplate messaging, ReadySubscribers subscribers,
            NotificationRepository notifications, Clock clock) {
        this.messaging = messaging;
        this.subscribers = subscribers;
        this.notifications = notifications;
        this.clock = clock;
    }

    @Override
    public boolean isListening(String username) {
        return subscribers.isReady(username);
    }

    @Override
    public void created(Notification notification, String recipientUsername) {
        if (notifications.claimForSockets(notification.id(), clock.instant())) {
            push(notification, recipientUsername);
        }
    }

    /** What waited for a user who just subscribed. */
    void deliverWaiting(long recipientId, String recipientUsername) {
        for (Notification waiting : notifications.claimUndelivered(recipientId, Delivery.SOCKET, clock.instant())) {
            push(waiting, recipientUsername);
        }
    }

    private void push(Notification notification, String recipientUsername) {
        if (pushedHere.add(notification.id())) {
            messaging.convertAndSendToUser(recipientUsername, WebSocketConfig.NOTIFICATIONS, notification);
        }
    }
}
