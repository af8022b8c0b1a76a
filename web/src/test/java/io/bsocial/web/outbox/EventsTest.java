package io.bsocial.web.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.bsocial.shared.events.EventTopics;
import io.bsocial.web.WebIntegrationTest;
import io.bsocial.web.support.ApiClient;
import io.bsocial.web.support.KafkaRecorder;
import io.bsocial.web.support.KafkaRecorder.Message;
import io.bsocial.web.support.TestUsers;
import io.bsocial.web.support.TestUsers.LoggedIn;
import tools.jackson.databind.JsonNode;

/** Every fact reaches Kafka as the contract describes it: topic, key, exact fields, no secrets. */
@WebIntegrationTest
class EventsTest {

    @RegisterExtension
    static final KafkaRecorder kafka = KafkaRecorder.ofEmbeddedBroker();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void registrationLoginAndLogoutAreEventsWithTheContractsFields() {
        LoggedIn user = TestUsers.create(api, "evt");

        JsonNode registered = fields(EventTopics.USER_REGISTERED, user, "user-registered",
                "userId", "username", "email", "firstName", "lastName", "registeredAt");
        assertThat(registered.get("firstName").asString()).isEqualTo("Test");
        assertThat(registered.get("lastName").asString()).isEqualTo("User " + user.username());
        assertThat(registered.get("registeredAt").asString()).isEqualTo(registered.get("timestamp").asString());

        fields(EventTopics.USER_LOGGED_IN, user, "user-logged-in", "userId", "username", "email");

        api.send("POST", "/api/auth/logout", null, null, user.auth());
        fields(EventTopics.USER_LOGGED_OUT, user, "user-logged-out", "userId", "username", "email");
    }

    @Test
    void aFailedLoginIsNotAnEvent() {
        LoggedIn user = TestUsers.create(api, "fail");
        api.post("/api/auth/login", ApiClient.json(Map.of("login", user.username(), "password", "wrong password")));
        TestUsers.post(api, user, "a later fact, to know the earlier ones went out");
        kafka.awaitOne(EventTopics.POST_CREATED, e -> isBy(e, user));

        assertThat(kafka.matching(m -> m.topic().equals(EventTopics.USER_LOGGED_IN) && isBy(m.json(), user)))
                .hasSize(1);
    }

    @Test
    void followAndUnfollowAreEventsOnlyWhenTheRelationChanges() {
        LoggedIn fan = TestUsers.create(api, "fan");
        LoggedIn star = TestUsers.create(api, "star");
        for (int i = 0; i < 2; i++) {
            api.send("PUT", "/api/users/" + star.username() + "/follow", null, null, fan.auth());
        }
        for (int i = 0; i < 2; i++) {
            api.send("DELETE", "/api/users/" + star.username() + "/follow", null, null, fan.auth());
        }
        JsonNode followed = fields(EventTopics.USER_FOLLOWED, fan, "user-followed",
                "userId", "username", "email", "followedUserId", "followedUsername");
        assertThat(followed.get("followedUserId").asLong()).isEqualTo(star.id());
        assertThat(followed.get("followedUsername").asString()).isEqualTo(star.username());
        JsonNode unfollowed = fields(EventTopics.USER_UNFOLLOWED, fan, "user-unfollowed",
                "userId", "username", "email", "followedUserId", "followedUsername");
        assertThat(unfollowed.get("followedUserId").asLong()).isEqualTo(star.id());

        TestUsers.post(api, fan, "a later fact");
        kafka.awaitOne(EventTopics.POST_CREATED, e -> isBy(e, fan));
        assertThat(kafka.matching(m -> m.topic().startsWith("bsocial.user-") && m.topic().endsWith("followed")
                && isBy(m.json(), fan))).hasSize(2);
    }

    @Test
    void blocksAndMutesAreEventsWithTheContractsFieldsOnlyWhenTheRelationChanges() {
        LoggedIn who = TestUsers.create(api, "blocker");
        LoggedIn whom = TestUsers.create(api, "blockee");
        for (String relation : List.of("block", "mute")) {
            for (String method : List.of("PUT", "PUT", "DELETE", "DELETE")) {
                api.send(method, "/api/users/" + whom.username() + "/" + relation, null, null, who.auth());
            }
        }
        assertThat(fields(EventTopics.USER_BLOCKED, who, "user-blocked", "userId", "username", "email", "blockedUserId")
                .get("blockedUserId").asLong()).isEqualTo(whom.id());
        assertThat(fields(EventTopics.USER_UNBLOCKED, who, "user-unblocked", "userId", "username", "email",
                "blockedUserId").get("blockedUserId").asLong()).isEqualTo(whom.id());
        assertThat(fields(EventTopics.USER_MUTED, who, "user-muted", "userId", "username", "email", "mutedUserId")
                .get("mutedUserId").asLong()).isEqualTo(whom.id());
        assertThat(fields(EventTopics.USER_UNMUTED, who, "user-unmuted", "userId", "username", "email", "mutedUserId")
                .get("mutedUserId").asLong()).isEqualTo(whom.id());

        TestUsers.post(api, who, "a later fact");
        kafka.awaitOne(EventTopics.POST_CREATED, e -> isBy(e, who));
        assertThat(kafka.matching(m -> (m.topic().endsWith("blocked") || m.topic().endsWith("muted"))
                && isBy(m.json(), who))).hasSize(4);
    }

    @Test
    void postsAndCommentsAreKeyedByPostAndNameThePostsAuthor() {
        LoggedIn author = TestUsers.create(api, "pauthor");
        LoggedIn friend = TestUsers.create(api, "pfriend");
        TestUsers.follow(api, friend, author);
        long postId = TestUsers.post(api, author, "Événement <b>🎉</b>\nline");
        long commentId = api.post("/api/posts/" + postId + "/comments", ApiClient.json(Map.of("content", "Bravo \"!\"")),
                friend.auth()).json().get("id").asLong();

        Message post = kafka.awaitOne(EventTopics.POST_CREATED,
                e -> isBy(e, author) && e.get("postId").asLong() == postId);
        assertThat(post.key()).isEqualTo(String.valueOf(postId));
        assertExactFields(post, "post-created", author, "userId", "username", "email", "postId", "content", "tags",
                "mentionedUserIds");
        assertThat(post.json().get("content").asString()).isEqualTo("Événement <b>🎉</b>\nline");

        Message comment = kafka.awaitOne(EventTopics.COMMENT_CREATED,
                e -> isBy(e, friend) && e.get("commentId").asLong() == commentId);
        assertThat(comment.key()).isEqualTo(String.valueOf(postId));
        assertExactFields(comment, "comment-created", friend, "userId", "username", "email", "postId", "commentId",
                "content", "postAuthorId", "postAuthorUsername", "parentId", "replyToUserId", "mentionedUserIds",
                "postExcerpt");
        JsonNode json = comment.json();
        assertThat(json.get("postId").asLong()).isEqualTo(postId);
        assertThat(json.get("content").asString()).isEqualTo("Bravo \"!\"");
        assertThat(json.get("postAuthorId").asLong()).isEqualTo(author.id());
        assertThat(json.get("postAuthorUsername").asString()).isEqualTo(author.username());
    }

    @Test
    void editsAndDeletesAreEventsKeyedByPostPublishedOncePerChange() {
        LoggedIn author = TestUsers.create(api, "eeauthor");
        LoggedIn friend = TestUsers.create(api, "eefriend");
        TestUsers.follow(api, friend, author);
        long postId = TestUsers.post(api, author, "before");
        String comments = "/api/posts/" + postId + "/comments";
        long commentId = api.post(comments, ApiClient.json(Map.of("content", "c1")), friend.auth()).json().get("id")
                .asLong();
        long other = api.post(comments, ApiClient.json(Map.of("content", "c2")), friend.auth()).json().get("id").asLong();
        patch("/api/posts/" + postId, "after", author);
        patch("/api/posts/" + postId, "after", author); // the same text: no change, no event
        patch(comments + "/" + commentId, "c1 edited", friend);
        api.send("DELETE", comments + "/" + commentId, null, null, friend.auth());
        api.send("DELETE", comments + "/" + commentId, null, null, friend.auth());
        api.send("DELETE", "/api/posts/" + postId, null, null, author.auth());
        api.send("DELETE", "/api/posts/" + postId, null, null, author.auth());

        Message updated = kafka.awaitOne(EventTopics.POST_UPDATED, e -> isBy(e, author));
        assertThat(updated.key()).isEqualTo(String.valueOf(postId));
        assertExactFields(updated, "post-updated", author, "userId", "username", "email", "postId", "content", "tags",
                "mentionedUserIds");
        assertThat(updated.json().get("content").asString()).isEqualTo("after");

        Message commentUpdated = kafka.awaitOne(EventTopics.COMMENT_UPDATED, e -> isBy(e, friend));
        assertThat(commentUpdated.key()).isEqualTo(String.valueOf(postId));
        assertExactFields(commentUpdated, "comment-updated", friend, "userId", "username", "email", "postId",
                "commentId", "content", "parentId", "replyToUserId", "mentionedUserIds");
        assertThat(commentUpdated.json().get("commentId").asLong()).isEqualTo(commentId);
        assertThat(commentUpdated.json().get("content").asString()).isEqualTo("c1 edited");

        Message commentDeleted = kafka.awaitOne(EventTopics.COMMENT_DELETED, e -> isBy(e, friend));
        assertThat(commentDeleted.key()).isEqualTo(String.valueOf(postId));
        assertExactFields(commentDeleted, "comment-deleted", friend, "userId", "username", "email", "postId",
                "commentId", "postAuthorId");
        assertThat(commentDeleted.json().get("commentId").asLong()).isEqualTo(commentId);
        assertThat(commentDeleted.json().get("postAuthorId").asLong()).isEqualTo(author.id());

        Message postDeleted = kafka.awaitOne(EventTopics.POST_DELETED, e -> isBy(e, author));
        assertThat(postDeleted.key()).isEqualTo(String.valueOf(postId));
        assertExactFields(postDeleted, "post-deleted", author, "userId", "username", "email", "postId");
        assertThat(postDeleted.json().get("postId").asLong()).isEqualTo(postId);

        // Published in order on one key; a later fact proves nothing more of these is on its way.
        TestUsers.post(api, author, "a later fact");
        kafka.awaitOne(EventTopics.POST_CREATED, e -> isBy(e, author) && e.get("content").asString().equals("a later fact"));
        for (String topic : List.of(EventTopics.POST_UPDATED, EventTopics.COMMENT_UPDATED, EventTopics.COMMENT_DELETED,
                EventTopics.POST_DELETED)) {
            assertThat(kafka.matching(m -> m.topic().equals(topic)
                    && (isBy(m.json(), author) || isBy(m.json(), friend)))).as(topic).hasSize(1);
        }
        // The post's other comment went with it, told by post-deleted alone (docs/events.md).
        assertThat(kafka.matching(m -> m.topic().equals(EventTopics.COMMENT_DELETED)
                && m.json().get("commentId").asLong() == other && isBy(m.json(), friend))).isEmpty();
    }

    @Test
    void noMessageEverCarriesAPasswordOrItsHash() {
        LoggedIn user = TestUsers.create(api, "secret");
        TestUsers.post(api, user, "published last");
        kafka.awaitOne(EventTopics.POST_CREATED, e -> isBy(e, user));
        List<String> hashes = jdbc.sql("SELECT password_hash FROM users").query(String.class).list();

        assertThat(kafka.all()).isNotEmpty().allSatisfy(message -> {
            assertThat(message.json().propertyNames())
                    .noneMatch(name -> name.toLowerCase().contains("password") || name.toLowerCase().contains("hash"));
            assertThat(message.value()).doesNotContain(TestUsers.PASSWORD).doesNotContain("argon2");
            for (String hash : hashes) {
                assertThat(message.value()).doesNotContain(hash.substring(hash.lastIndexOf('$') + 1));
            }
        });
    }

    private void patch(String path, String content, LoggedIn who) {
        assertThat(api.send("PATCH", path, "application/json", ApiClient.json(Map.of("content", content)), who.auth())
                .status()).isEqualTo(200);
    }

    /** Ids repeat across the test databases that share the broker; usernames are unique to the run. */
    private static boolean isBy(JsonNode event, LoggedIn actor) {
        return event.get("username").asString().equals(actor.username());
    }

    /** Waits for the actor's event on the topic and checks the common fields and the key. */
    private JsonNode fields(String topic, LoggedIn actor, String eventType, String... expectedFields) {
        Message message = kafka.awaitOne(topic, e -> isBy(e, actor));
        assertThat(message.key()).isEqualTo(String.valueOf(actor.id()));
        assertExactFields(message, eventType, actor, expectedFields);
        return message.json();
    }

    private static void assertExactFields(Message message, String eventType, LoggedIn actor, String... expected) {
        JsonNode json = message.json();
        List<String> all = new java.util.ArrayList<>(List.of("eventId", "eventType", "timestamp"));
        all.addAll(List.of(expected));
        assertThat(json.propertyNames()).containsExactlyInAnyOrderElementsOf(all);
        assertThat(UUID.fromString(json.get("eventId").asString())).isNotNull();
        assertThat(json.get("eventType").asString()).isEqualTo(eventType);
        assertThat(Instant.parse(json.get("timestamp").asString())).isBefore(Instant.now().plusSeconds(1));
        assertThat(json.get("timestamp").asString()).endsWith("Z");
        assertThat(json.get("userId").isNumber()).isTrue();
        assertThat(json.get("userId").asLong()).isEqualTo(actor.id());
        assertThat(json.get("username").asString()).isEqualTo(actor.username());
        assertThat(json.get("email").asString()).isEqualTo(actor.username() + "@example.com");
    }
}
