package io.bsocial.notifier.notification;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Component;

import io.bsocial.notifier.notification.internal.NotificationRepository;
import io.bsocial.notifier.notification.internal.NotificationRepository.Via;

/**
 * How the sockets take notifications, by the same rule as HTTP ({@code delivered_via}, one
 * conditional update): a push may send what is undelivered or pushed already, never what HTTP
 * answered; HTTP answers only what is undelivered.
 */
@Component
public class Deliveries {

    private final NotificationRepository notifications;
    private final Clock clock;

    Deliveries(NotificationRepository notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    /** A stored notification, for the sockets of its recipient: true when they may have it. */
    public boolean claimForPush(long notificationId) {
        return notifications.claimForPush(notificationId, clock.instant());
    }

    /** What waited for a user whose tab just subscribed: theirs to push now, oldest first. */
    public List<Notification> claimUndeliveredForPush(long recipientId) {
        return notifications.claimUndelivered(recipientId, Via.PUSH, clock.instant());
    }
}
