package io.bsocial.indexer.ingest.internal;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.bsocial.shared.events.EventJson;
import tools.jackson.databind.JsonNode;

/**
 * One event as an OpenSearch document: its JSON as published, with {@code _id = eventId} so that
 * a redelivered event overwrites itself instead of adding a copy. Its type, the post and comment
 * it is about (null when it has none) and the users it names are kept for the {@link Erasure} of
 * deleted content and deleted accounts.
 */
record EventDocument(String id, String json, ConsumerRecord<String, String> record,
        String type, String postId, String commentId, Set<String> userIds) {

    /** Every field that may hold a user's id (the actor's, or someone the event is about). */
    static final List<String> USER_FIELDS = List.of("userId", "postAuthorId", "commentAuthorId", "followedUserId",
            "blockedUserId", "mutedUserId", "replyToUserId", "mentionedUserIds");

    /** Reads a Kafka message; a message that is not a JSON object with an eventId is refused. */
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
        // A bulk body has one line per document: compact JSON (as web produces it) goes as it came,
        // anything spread over lines is written compactly.
        String line = record.value().indexOf('\n') < 0 && record.value().indexOf('\r') < 0
                ? record.value() : EventJson.mapper().writeValueAsString(json);
        return new EventDocument(eventId.asString(), line, record,
                scalar(json.get("eventType")), scalar(json.get("postId")), scalar(json.get("commentId")), userIds(json));
    }

    /** The users the event names, by id (for the erasure of deleted accounts). */
    private static Set<String> userIds(JsonNode json) {
        Set<String> ids = new TreeSet<>();
        for (String field : USER_FIELDS) {
            JsonNode value = json.get(field);
            if (value != null && value.isArray()) {
                value.forEach(item -> add(ids, scalar(item)));
            } else {
                add(ids, scalar(value));
            }
        }
        return ids;
    }

    private static void add(Set<String> ids, String id) {
        if (id != null) {
            ids.add(id);
        }
    }

    /** A number or string as its text; anything else is not an id (OpenSearch will refuse it). */
    private static String scalar(JsonNode value) {
        return value != null && (value.isString() || value.isIntegralNumber()) ? value.asString() : null;
    }
}
