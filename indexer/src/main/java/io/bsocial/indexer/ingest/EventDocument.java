package io.bsocial.indexer.ingest;

import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.bsocial.shared.events.EventJson;
import tools.jackson.databind.JsonNode;

/**
 * One event as an OpenSearch document: its own fields, unchanged, with {@code _id = eventId} so
 * that a redelivered event overwrites itself instead of adding a copy.
 */
record EventDocument(String id, Map<String, Object> source, ConsumerRecord<String, String> record) {

    /** Reads a Kafka message; a message that is not a JSON object with an eventId is refused. */
    @SuppressWarnings("unchecked")
    static EventDocument of(ConsumerRecord<String, String> record) {
        JsonNode json;
        try {
            json = EventJson.tree(record.value() == null ? "" : record.value());
        } catch (RuntimeException notJson) {
            throw new UnindexableEventException("not valid JSON");
        }
        if (json == null || !json.isObject()) {
            throw new UnindexableEventException("not a JSON object");
        }
        JsonNode eventId = json.get("eventId");
        if (eventId == null || !eventId.isString() || eventId.asString().isBlank()) {
            throw new UnindexableEventException("no eventId");
        }
        return new EventDocument(eventId.asString(), EventJson.mapper().convertValue(json, Map.class), record);
    }
}
