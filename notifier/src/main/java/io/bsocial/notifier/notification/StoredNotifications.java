package io.bsocial.notifier.notification;

import java.util.List;

import io.bsocial.shared.events.EventJson;

/**
 * The notifier's own topic of stored notifications: the consumer group that stores them announces
 * each new notification here once its row is committed, and every instance reads all of it to push
 * to the sockets open on it. A push therefore never precedes the row it claims. Retractions (a
 * deleted comment or post) travel the same way, keyed by the same recipient, so an instance reads
 * a notification's arrival and its retraction in the order they were announced.
 */
public final class StoredNotifications {

    public static final String TOPIC = "bsocial.notifier.stored";

    private StoredNotifications() {
    }

    /**
     * What a push needs: whose user destination it goes to, and either the notification as
     * clients get it or the ids of the recipient's notifications that were retracted.
     */
    public record Stored(long recipientId, String recipientUsername, Notification notification,
            List<Long> retracted) {

        public static Stored of(long recipientId, String recipientUsername, Notification notification) {
            return new Stored(recipientId, recipientUsername, notification, null);
        }

        public boolean isRetraction() {
            return retracted != null;
        }

        public static Stored read(String json) {
            return EventJson.mapper().readValue(json, Stored.class);
        }
    }
}
