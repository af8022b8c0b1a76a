package io.bsocial.notifier.live;

import java.time.Clock;

import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Component;

import io.bsocial.notifier.notification.Notification;
import io.bsocial.notifier.notification.NotificationListeners;
import io.bsocial.notifier.notification.NotificationRepository;

/**
 * Pushes notifications to every open socket of their recipient. A pushed notification counts as
 * delivered: it is claimed first, so HTTP never returns it again and it is pushed only once.
 * When the recipient has no socket here it simply waits for the next connect or HTTP call.
 */
@Component
class LiveNotifications implements NotificationListeners {

    private final SimpMessagingTemplate messaging;
    private final ReadySubscribers subscribers;
    private final NotificationRepository notifications;
    private final Clock clock;

    LiveNotifications(SimpMessagingTemplate messaging, ReadySubscribers subscribers,
            NotificationRepository notifications, Clock clock) {
        this.messaging = messaging;
        this.subscribers = subscribers;
        this.notifications = notifications;
        this.clock = clock;
    }

    @Override
    public void created(Notification notification, long recipientId, String recipientUsername) {
        if (subscribers.isReady(recipientUsername) && notifications.claim(notification.id(), clock.instant())) {
            messaging.convertAndSendToUser(recipientUsername, WebSocketConfig.NOTIFICATIONS, notification);
        }
    }

    /** What waited for a user who just subscribed. */
    void deliverWaiting(long recipientId, String recipientUsername) {
        for (Notification waiting : notifications.claimUndelivered(recipientId, clock.instant())) {
            messaging.convertAndSendToUser(recipientUsername, WebSocketConfig.NOTIFICATIONS, waiting);
        }
    }
}
