package io.bsocial.shared.events;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON form of events, shared by the producer (web) and every consumer: UTF-8 JSON
 * objects with the record's fields, ISO-8601 instants, ids as numbers. Kept apart from the
 * applications' own JSON settings so that an HTTP tweak can never change what goes to Kafka.
 */
public final class EventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private EventJson() {
    }

    public static String write(BsocialEvent event) {
        return MAPPER.writeValueAsString(event);
    }

    /** Reads one event; a missing or invalid field fails with a Jackson exception. */
    public static <T extends BsocialEvent> T read(String json, Class<T> type) {
        return MAPPER.readValue(json, type);
    }

    public static JsonNode tree(String json) {
        return MAPPER.readTree(json);
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }
}
