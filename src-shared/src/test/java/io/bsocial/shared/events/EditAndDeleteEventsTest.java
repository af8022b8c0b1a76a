package io.bsocial.shared.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** The edit/delete and conversation events on the wire: exactly the contract's fields, and their own topics. */
class EditAndDeleteEventsTest {

    static final Actor ADA = new Actor(42, "ada", "ada@example.com");
    static final Instant AT = Instant.parse("2026-11-30T09:00:00.123456Z");

    @Test
    void eachCarriesExactlyTheFieldsOfTheContract() {
        assertFields(PostUpdated.of(ADA, 1001, "new text", AT), "post-updated",
                "userId", "username", "email", "postId", "content", "tags", "mentionedUserIds");
        assertFields(PostDeleted.of(ADA, 1001, AT), "post-deleted",
                "userId", "username", "email", "postId");
        assertFields(CommentUpdated.of(ADA, 1001, 5001, "new text", AT), "comment-updated",
                "userId", "username", "email", "postId", "commentId", "content", "parentId", "replyToUserId",
                "mentionedUserIds");
        assertFields(CommentDeleted.of(ADA, 1001, 5001, 7, AT), "comment-deleted",
                "userId", "username", "email", "postId", "commentId", "postAuthorId");
    }

    @Test
    void createdEventsCarryTagsMentionsAndTheirPlaceInTheConversation() {
        assertFields(PostCreated.of(ADA, 1001, "hi #tag @bob", List.of("tag"), List.of(7L), AT), "post-created",
                "userId", "username", "email", "postId", "content", "tags", "mentionedUserIds");
        CommentCreated reply = CommentCreated.of(ADA, 1001, 5002, "@bob yes", 8, "grace", 5001L, 7L, List.of(7L),
                "the post", AT);
        assertFields(reply, "comment-created", "userId", "username", "email", "postId", "commentId", "content",
                "postAuthorId", "postAuthorUsername", "parentId", "replyToUserId", "mentionedUserIds", "postExcerpt");
        assertThat(EventJson.read(EventJson.write(reply), CommentCreated.class)).isEqualTo(reply);
        JsonNode topLevel = EventJson.tree(EventJson.write(CommentCreated.of(ADA, 1, 2, "x", 8, "grace", AT)));
        assertThat(topLevel.get("parentId").isNull()).isTrue();
        assertThat(topLevel.get("mentionedUserIds").isArray()).isTrue();
    }

    @Test
    void aMessageWrittenBeforeTagsAndMentionsReadsWithEmptyLists() {
        String older = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"eventType\":\"post-created\","
                + "\"timestamp\":\"2026-11-30T09:00:00Z\",\"userId\":42,\"username\":\"ada\","
                + "\"email\":\"ada@example.com\",\"postId\":1001,\"content\":\"hi\"}";
        PostCreated post = EventJson.read(older, PostCreated.class);
        assertThat(post.tags()).isEmpty();
        assertThat(post.mentionedUserIds()).isEmpty();
    }

    @Test
    void theyReadBackAsTheyWereWritten() {
        CommentDeleted deleted = CommentDeleted.of(ADA, 1001, 5001, 7, AT);
        assertThat(EventJson.read(EventJson.write(deleted), CommentDeleted.class)).isEqualTo(deleted);
        PostUpdated updated = PostUpdated.of(ADA, 1001, "new \"text\"", AT);
        assertThat(EventJson.read(EventJson.write(updated), PostUpdated.class)).isEqualTo(updated);
    }

    @Test
    void aRecordRefusesAnotherEventType() {
        assertThatThrownBy(() -> new PostDeleted(UUID.randomUUID(), "post-created", AT, 42, "ada", "a@b.c", 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theirTopicsAreEventTopicsAndSoCreatedAndConsumed() {
        assertThat(EventTopics.ALL).contains("bsocial.post-updated", "bsocial.post-deleted",
                "bsocial.comment-updated", "bsocial.comment-deleted");
    }

    private static void assertFields(BsocialEvent event, String type, String... fields) {
        JsonNode json = EventJson.tree(EventJson.write(event));
        List<String> expected = new ArrayList<>(List.of("eventId", "eventType", "timestamp"));
        expected.addAll(List.of(fields));
        assertThat(json.propertyNames()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(json.path("eventType").asString()).isEqualTo(type);
        assertThat(json.path("timestamp").asString()).isEqualTo("2026-11-30T09:00:00.123456Z");
    }
}
