package io.bsocial.notifier.events;

import io.bsocial.shared.events.BsocialEvent;
import io.bsocial.shared.events.EventJson;

/** Reads an event and refuses one that lacks what every event must have. */
public final class ValidEvents {

    private ValidEvents() {
    }

    public static <T extends BsocialEvent> T read(String message, Class<T> type) {
        T event;
        try {
            event = EventJson.read(message, type);
        } catch (RuntimeException unreadable) {
            throw new InvalidEventException("not a valid " + type.getSimpleName() + ": " + unreadable.getMessage());
        }
        if (event.eventId() == null || event.timestamp() == null || event.userId() <= 0 || event.username() == null) {
            throw new InvalidEventException("an event needs eventId, timestamp, userId and username");
        }
        return event;
    }
}
