package io.bsocial.notifier.notification.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.bsocial.notifier.events.InvalidEventException;
import io.bsocial.notifier.events.ValidEvents;
import io.bsocial.shared.events.EventTopics;
import io.bsocial.shared.events.UserFollowed;

/**
 * A follow becomes one notification for the followed user, once per follower per UTC day: a
 * re-follow the same day, or a redelivered message, stores nothing (the table's unique key
 * decides). Stored and announced like a comment's, by the shared consumer group only.
 */
@Component
class FollowNotifications {

    private static final Logger log = LoggerFactory.getLogger(FollowNotifications.class);

    private final NotificationRepository notifications;
    private final Announcements announce;

    FollowNotifications(NotificationRepository notifications, Announcements announce) {
        this.notifications = notifications;
        this.announce = announce;
    }

    @KafkaListener(topics = EventTopics.USER_FOLLOWED)
    void store(String message) {
        UserFollowed follow = ValidEvents.read(message, UserFollowed.class);
        if (follow.followedUserId() <= 0 || follow.followedUsername() == null) {
            throw new InvalidEventException("a follow event needs followedUserId and followedUsername");
        }
        if (follow.followedUserId() == follow.userId()) {
            return;
        }
        notifications.insert(follow).ifPresentOrElse(
                notification -> announce.stored(follow.followedUserId(), follow.followedUsername(), notification),
                () -> log.debug("user {} already notified {} of a follow that day", follow.userId(),
                        follow.followedUserId()));
    }
}
