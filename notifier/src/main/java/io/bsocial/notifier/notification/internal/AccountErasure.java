package io.bsocial.notifier.notification.internal;

import java.time.Clock;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.bsocial.notifier.events.InvalidEventException;
import io.bsocial.notifier.events.ValidEvents;
import io.bsocial.shared.events.EventTopics;
import io.bsocial.shared.events.UserDeleted;

/**
 * {@code bsocial.user-deleted} (one listener for the topic, in the storing group): the account's
 * notifications, received and caused, and everything keyed by it are deleted
 * ({@link NotificationRepository#eraseUser}); open bells of others drop what they showed of it.
 * Its own sockets end with its sessions (web deleted them). A redelivery deletes nothing more.
 */
@Component
class AccountErasure {

    private final NotificationRepository notifications;
    private final Announcements announce;
    private final Clock clock;

    AccountErasure(NotificationRepository notifications, Announcements announce, Clock clock) {
        this.notifications = notifications;
        this.announce = announce;
        this.clock = clock;
    }

    @KafkaListener(topics = EventTopics.USER_DELETED)
    void on(String message) {
        UserDeleted deleted = ValidEvents.read(message, UserDeleted.class);
        if (deleted.userId() <= 0) {
            throw new InvalidEventException("a user-deleted event needs userId");
        }
        notifications.eraseUser(deleted.userId(), clock.instant()).forEach(announce::retracted);
    }
}
