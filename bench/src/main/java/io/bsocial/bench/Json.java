package io.bsocial.bench;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON in and out of the probes, with Boot's Jackson. */
final class Json {

    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    static JsonNode tree(String json) {
        return MAPPER.readTree(json);
    }

    static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    /**
     * A top-level boolean field read with the streaming parser, which stops there: a _bulk answer
     * lists every item after {@code errors}, and parsing it whole would be timed with the load.
     */
    static boolean topLevelFlag(String json, String field) {
        try (JsonParser parser = MAPPER.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals(field)) {
                    return value == JsonToken.VALUE_TRUE;
                }
                parser.skipChildren();
            }
            return false;
        }
    }
}
