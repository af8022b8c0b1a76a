package io.bsocial.web.comment;

import static io.bsocial.web.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.bsocial.shared.events.EventTopics;
import io.bsocial.web.WebIntegrationTest;
import io.bsocial.web.support.ApiClient;
import io.bsocial.web.support.ApiClient.Response;
import io.bsocial.web.support.KafkaRecorder;
import io.bsocial.web.support.TestUsers;
import io.bsocial.web.support.TestUsers.LoggedIn;
import tools.jackson.databind.JsonNode;

/**
 * Replies through the real API: one level deep (a reply to a reply joins its top-level comment and
 * answers the reply's author), listed with every comment and counted, refused for a parent that is
 * not a comment of the post, and gone with their top-level comment, each announced.
 */
@WebIntegrationTest
class ReplyApiTest {

    @RegisterExtension
    static final KafkaRecorder kafka = KafkaRecorder.ofEmbeddedBroker();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    LoggedIn ada;
    LoggedIn bob;
    LoggedIn cy;

    @BeforeEach
    void people() {
        api = new ApiClient(port);
        ada = TestUsers.create(api, "replyada");
        bob = TestUsers.create(api, "replybob");
        cy = TestUsers.create(api, "replycy");
        TestUsers.follow(api, bob, ada);
        TestUsers.follow(api, cy, ada);
    }

    private Response reply(LoggedIn who, long postId, Object parentId, String content) {
        return api.post("/api/posts/" + postId + "/comments",
                ApiClient.json(parentId == null ? Map.of("content", content) : Map.of("content", content, "parentId", parentId)),
                who.auth());
    }

    @Test
    void aReplyToAReplyJoinsItsThreadAndAnswersTheRepliesAuthor() {
        long post = TestUsers.post(api, ada, "What do you think of the engine? " + "x".repeat(80));
        long top = TestUsers.comment(api, bob, post, "Marvellous.");
        Response first = reply(cy, post, top, "Agreed!");
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().get("parentId").asLong()).isEqualTo(top);
        long firstReply = first.json().get("id").asLong();
        Response second = reply(ada, post, firstReply, "Thank you both");
        assertThat(second.json().get("parentId").asLong()).as("one level deep").isEqualTo(top);

        JsonNode items = api.get("/api/posts/" + post + "/comments", ada.auth()).json().get("items");
        assertThat(items).hasSize(3);
        assertThat(items.get(0).get("parentId").isNull()).isTrue();
        assertThat(items.get(1).get("parentId").asLong()).isEqualTo(top);
        assertThat(items.get(2).get("parentId").asLong()).isEqualTo(top);
        assertThat(items.get(0).propertyNames()).contains("likeCount", "likedByMe", "parentId", "mentions");
        assertThat(api.get("/api/posts/" + post, ada.auth()).json().get("commentCount").asInt()).isEqualTo(3);

        JsonNode secondEvent = kafka.awaitOne(EventTopics.COMMENT_CREATED,
                e -> e.get("commentId").asLong() == second.json().get("id").asLong()).json();
        assertThat(secondEvent.get("parentId").asLong()).isEqualTo(top);
        assertThat(secondEvent.get("replyToUserId").asLong()).as("the author of the reply answered").isEqualTo(cy.id());
        assertThat(secondEvent.get("postExcerpt").asString()).hasSize(80).startsWith("What do you think");
        JsonNode topEvent = kafka.awaitOne(EventTopics.COMMENT_CREATED, e -> e.get("commentId").asLong() == top).json();
        assertThat(topEvent.get("parentId").isNull()).isTrue();
        assertThat(topEvent.get("replyToUserId").isNull()).isTrue();
    }

    @Test
    void aParentThatIsNotACommentOfThisPostIsRefusedAndChangesNothing() {
        long post = TestUsers.post(api, ada, "One post");
        long other = TestUsers.post(api, ada, "Another post");
        long elsewhere = TestUsers.comment(api, bob, other, "On the other post");
        assertProblem(reply(bob, post, elsewhere, "Misplaced"), 400);
        assertProblem(reply(bob, post, 999_999_999L, "Nowhere"), 400);
        assertProblem(reply(bob, post, "12", "A string id"), 400);
        assertThat(api.get("/api/posts/" + post, ada.auth()).json().get("commentCount").asInt()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM comments WHERE post_id = ?").param(post).query(Long.class).single()).isZero();
    }

    @Test
    void replyingOnAPostOneMayNotSeeIs404() {
        LoggedIn stranger = TestUsers.create(api, "replystranger");
        long post = TestUsers.post(api, ada, "Followers only");
        long top = TestUsers.comment(api, bob, post, "Hello");
        assertProblem(reply(stranger, post, top, "Let me in"), 404);
    }

    @Test
    void aTopLevelCommentTakesItsRepliesWithItEachAnnounced() {
        long post = TestUsers.post(api, ada, "Short-lived thread");
        long top = TestUsers.comment(api, bob, post, "Opening");
        long r1 = reply(cy, post, top, "One").json().get("id").asLong();
        long r2 = reply(ada, post, top, "Two").json().get("id").asLong();
        long other = TestUsers.comment(api, cy, post, "Stays");

        assertThat(api.send("DELETE", "/api/posts/" + post + "/comments/" + top, null, null, bob.auth()).status())
                .isEqualTo(204);
        JsonNode items = api.get("/api/posts/" + post + "/comments", ada.auth()).json().get("items");
        assertThat(items).extracting(item -> item.get("id").asLong()).containsExactly(other);
        assertThat(api.get("/api/posts/" + post, ada.auth()).json().get("commentCount").asInt()).isOne();
        for (long gone : new long[] {top, r1, r2}) {
            kafka.awaitOne(EventTopics.COMMENT_DELETED, e -> e.get("commentId").asLong() == gone);
        }
        // The repliers' own deletes of what is gone answer as for a comment deleted with its post.
        assertThat(api.send("DELETE", "/api/posts/" + post + "/comments/" + r1, null, null, cy.auth()).status())
                .isEqualTo(204);
    }
}
