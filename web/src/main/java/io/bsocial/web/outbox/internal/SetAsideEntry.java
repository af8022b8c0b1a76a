package io.bsocial.web.outbox.internal;

import java.time.Instant;

/**
 * An entry Kafka refused {@code attempts} times for what it is, kept aside until an operator
 * re-publishes it. What operators see of it: never the payload (it is user content).
 */
record SetAsideEntry(long id, String eventId, String topic, String key, Instant createdAt, int attempts,
        String lastError, Instant setAsideAt) {
}
