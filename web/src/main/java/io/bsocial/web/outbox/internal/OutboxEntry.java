package io.bsocial.web.outbox.internal;

/** An event waiting in the outbox: its JSON, topic and key as they will go to Kafka. */
record OutboxEntry(long id, String eventId, String topic, String key, String payload) {
}
