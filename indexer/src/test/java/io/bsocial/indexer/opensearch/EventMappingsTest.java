package io.bsocial.indexer.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.bsocial.shared.events.BsocialEvent;
import io.bsocial.shared.events.EventJson;
import tools.jackson.databind.JsonNode;

/**
 * The index template maps every field of every event explicitly: with {@code dynamic: strict}, a
 * field it lacks would make OpenSearch refuse the event (dead-lettered, never counted). Read from
 * the event records themselves, so that a field added to an event fails here first.
 */
class EventMappingsTest {

    private final JsonNode properties = EventJson.tree(EventIndex.templateJson()).path("template").path("mappings")
            .path("properties");

    EventMappingsTest() throws IOException {
    }

    @Test
    void everyFieldOfEveryEventIsMapped() {
        Set<String> unmapped = new TreeSet<>();
        for (Class<?> event : BsocialEvent.class.getPermittedSubclasses()) {
            for (RecordComponent field : event.getRecordComponents()) {
                if (!properties.has(field.getName())) {
                    unmapped.add(event.getSimpleName() + "." + field.getName());
                }
            }
        }
        assertThat(unmapped).isEmpty();
    }

    @Test
    void theConversationFieldsAreKeywordsAndTheExcerptIsText() {
        Map<String, String> types = Map.of("tags", "keyword", "mentionedUserIds", "keyword", "parentId", "keyword",
                "replyToUserId", "keyword", "postExcerpt", "text");
        types.forEach((field, type) -> assertThat(properties.path(field).path("type").asString()).as(field).isEqualTo(type));
    }
}
