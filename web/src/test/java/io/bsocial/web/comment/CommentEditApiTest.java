package io.bsocial.web.comment;

import static io.bsocial.web.support.ProblemAssertions.assertProblem;
import static io.bsocial.web.support.ProblemAssertions.fields;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.bsocial.web.WebIntegrationTest;
import io.bsocial.web.support.ApiClient;
import io.bsocial.web.support.ApiClient.Response;
import io.bsocial.web.support.TestUsers;
import io.bsocial.web.support.TestUsers.LoggedIn;
import tools.jackson.databind.JsonNode;

/** PATCH and DELETE of a comment: the rules of posts, and the post's count and list follow. */
@WebIntegrationTest
class CommentEditApiTest {

    @LocalServerPort
    int port;

    ApiClient api;
    LoggedIn author;
    LoggedIn commenter;
    LoggedIn reader;
    LoggedIn stranger;
    long postId;
    long commentId;

    @BeforeEach
    void scene() {
        api = new ApiClient(port);
        author = TestUsers.create(api, "ceauthor");
        commenter = TestUsers.create(api, "cecommenter");
        reader = TestUsers.create(api, "cereader");
        stranger = TestUsers.create(api, "cestranger");
        TestUsers.follow(api, commenter, author);
        TestUsers.follow(api, reader, author);
        postId = TestUsers.post(api, author, "comment on this");
        commentId = comment(commenter, "first take").json().get("id").asLong();
    }

    @Test
    void theAuthorEditsAndTheListShowsTheEdit() {
        Response edited = edit(commenter, commentId, " second take ");

        assertThat(edited.status()).isEqualTo(200);
        JsonNode comment = edited.json();
        assertThat(comment.propertyNames()).containsExactlyInAnyOrder("id", "postId", "author", "content", "createdAt",
                "editedAt", "likeCount", "likedByMe", "parentId", "mentions");
        assertThat(comment.get("content").asString()).isEqualTo("second take");
        assertThat(comment.get("editedAt").asString()).endsWith("Z");
        assertThat(listed(reader)).singleElement().isEqualTo(comment);
        assertThat(edit(commenter, commentId, "second take").json()).as("the same text is no edit").isEqualTo(comment);
    }

    @Test
    void othersWhoSeeItGet403AndEveryoneElse404() {
        assertProblem(edit(author, commentId, "the post's author cannot either"), 403);
        assertProblem(delete(author, commentId), 403);
        assertProblem(edit(reader, commentId, "nope"), 403);
        assertProblem(delete(reader, commentId), 403);
        assertProblem(edit(stranger, commentId, "nope"), 404);
        assertProblem(delete(stranger, commentId), 404);
        // A comment id under another post, or none at all, is absent.
        long otherPost = TestUsers.post(api, author, "another post");
        assertProblem(api.send("PATCH", "/api/posts/" + otherPost + "/comments/" + commentId, "application/json",
                ApiClient.json(Map.of("content", "x")), commenter.auth()), 404);
        assertProblem(api.send("DELETE", "/api/posts/" + otherPost + "/comments/" + commentId, null, null,
                commenter.auth()), 404);
        assertProblem(delete(commenter, 99999999999L), 404);

        assertThat(listed(reader)).singleElement().satisfies(c -> {
            assertThat(c.get("content").asString()).isEqualTo("first take");
            assertThat(c.get("editedAt").isNull()).isTrue();
        });
    }

    @Test
    void badContentIs400LikeCommenting() {
        for (String bad : new String[] {"", "  ", "\u200B\u200C", "x".repeat(1001), "bell\u0007"}) {
            Response response = edit(commenter, commentId, bad);
            assertProblem(response, 400);
            assertThat(fields(response)).containsExactly("content");
        }
        assertProblem(api.send("PATCH", "/api/posts/" + postId + "/comments/" + commentId, "application/json",
                "{\"content\": 1}", commenter.auth()), 400);
        assertThat(listed(reader).get(0).get("content").asString()).isEqualTo("first take");
    }

    @Test
    void deleteIsIdempotentForItsAuthorAndDropsItFromListAndCount() {
        long kept = comment(reader, "kept").json().get("id").asLong();
        assertThat(commentCount()).isEqualTo(2);

        assertThat(delete(commenter, commentId).status()).isEqualTo(204);
        assertThat(delete(commenter, commentId).status()).isEqualTo(204);

        assertThat(commentCount()).isEqualTo(1);
        assertThat(listed(reader)).extracting(c -> c.get("id").asLong()).containsExactly(kept);
        assertProblem(edit(commenter, commentId, "back"), 404);
        assertProblem(delete(reader, commentId), 404);
        assertProblem(delete(author, commentId), 404);
        assertThat(api.get("/posts/" + postId, reader.auth()).body()).doesNotContain("first take").contains("1 comment");
    }

    @Test
    void aCommentDeletedWithItsPostIsDeletedForItsAuthor() {
        assertThat(api.send("DELETE", "/api/posts/" + postId, null, null, author.auth()).status()).isEqualTo(204);

        assertThat(delete(commenter, commentId).status()).isEqualTo(204);
        assertProblem(delete(reader, commentId), 404);
        assertProblem(edit(commenter, commentId, "late"), 404);
    }

    private Response comment(LoggedIn who, String content) {
        return api.post("/api/posts/" + postId + "/comments", ApiClient.json(Map.of("content", content)), who.auth());
    }

    private Response edit(LoggedIn who, long id, String content) {
        return api.send("PATCH", "/api/posts/" + postId + "/comments/" + id, "application/json",
                ApiClient.json(Map.of("content", content)), who.auth());
    }

    private Response delete(LoggedIn who, long id) {
        return api.send("DELETE", "/api/posts/" + postId + "/comments/" + id, null, null, who.auth());
    }

    private List<JsonNode> listed(LoggedIn viewer) {
        return api.get("/api/posts/" + postId + "/comments", viewer.auth()).json().get("items").valueStream().toList();
    }

    private int commentCount() {
        return api.get("/api/posts/" + postId, reader.auth()).json().get("commentCount").asInt();
    }
}
