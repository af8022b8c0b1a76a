package io.bsocial.notifier.notification.internal;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

import io.bsocial.notifier.events.InvalidEventException;
import io.bsocial.notifier.events.ValidEvents;
import io.bsocial.notifier.silence.Silences;
import io.bsocial.notifier.silence.Silences.Kind;
import io.bsocial.shared.events.BsocialEvent;
import io.bsocial.shared.events.EventTopics;
import io.bsocial.shared.events.UserBlocked;
import io.bsocial.shared.events.UserMuted;
import io.bsocial.shared.events.UserUnblocked;
import io.bsocial.shared.events.UserUnmuted;

/**
 * Keeps blocks and mutes ({@link Silences}), read by the storing group: from then on every insert
 * of a notification leaves the silenced out. A block also takes back every notification between
 * the two, both ways, at once (live, like a deleted comment's). A mute takes nothing back: what
 * the muted person did before the mute stays in the muter's list, as it was already seen or
 * counted; only what comes after is silenced. Lifting either restores nothing.
 */
@Component
class Silencing {

    private final Silences silences;
    private final NotificationRepository notifications;
    private final Announcements announce;

    Silencing(Silences silences, NotificationRepository notifications, Announcements announce) {
        this.silences = silences;
        this.notifications = notifications;
        this.announce = announce;
    }

    @KafkaListener(topics = {EventTopics.USER_BLOCKED, EventTopics.USER_UNBLOCKED, EventTopics.USER_MUTED,
            EventTopics.USER_UNMUTED})
    void on(@Header(KafkaHeaders.RECEIVED_TOPIC) String topic, String message) {
        switch (topic) {
            case EventTopics.USER_BLOCKED -> {
                UserBlocked block = ValidEvents.read(message, UserBlocked.class);
                if (keep(block, block.blockedUserId(), Kind.BLOCK, true)) {
                    notifications.retractBetween(block.userId(), block.blockedUserId()).forEach(announce::retracted);
                }
            }
            case EventTopics.USER_UNBLOCKED -> {
                UserUnblocked unblock = ValidEvents.read(message, UserUnblocked.class);
                keep(unblock, unblock.blockedUserId(), Kind.BLOCK, false);
            }
            case EventTopics.USER_MUTED -> {
                UserMuted mute = ValidEvents.read(message, UserMuted.class);
                keep(mute, mute.mutedUserId(), Kind.MUTE, true);
            }
            case EventTopics.USER_UNMUTED -> {
                UserUnmuted unmute = ValidEvents.read(message, UserUnmuted.class);
                keep(unmute, unmute.mutedUserId(), Kind.MUTE, false);
            }
            default -> throw new IllegalArgumentException("not a block or mute topic: " + topic);
        }
    }

    /** Whether the fact is now the latest one kept (a redelivered or older one changes nothing). */
    private boolean keep(BsocialEvent event, long otherId, Kind kind, boolean active) {
        if (event.userId() <= 0 || otherId <= 0 || event.userId() == otherId) {
            throw new InvalidEventException("a block or mute event needs two different users");
        }
        return silences.remember(event.userId(), otherId, kind, active, event.timestamp());
    }
}
