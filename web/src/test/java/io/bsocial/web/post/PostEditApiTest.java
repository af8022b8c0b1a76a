package io.bsocial.web.post;

import static io.bsocial.web.support.ProblemAssertions.assertProblem;
import static io.bsocial.web.support.ProblemAssertions.fields;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.bsocial.web.WebIntegrationTest;
import io.bsocial.web.support.ApiClient;
import io.bsocial.web.support.ApiClient.Response;
import io.bsocial.web.support.TestUsers;
import io.bsocial.web.support.TestUsers.LoggedIn;
import tools.jackson.databind.JsonNode;

/** PATCH and DELETE of a post: only its author, 403 for those who see it, 404 for everyone else. */
@WebIntegrationTest
class PostEditApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    LoggedIn author;
    LoggedIn follower;
    LoggedIn stranger;
    long postId;

    @BeforeEach
    void scene() {
        api = new ApiClient(port);
        author = TestUsers.create(api, "eauthor");
        follower = TestUsers.create(api, "efollower");
        stranger = TestUsers.create(api, "estranger");
        TestUsers.follow(api, follower, author);
        postId = TestUsers.post(api, author, "first version");
    }

    @Test
    void theAuthorEditsAndTheEditIsShownEverywhereWithItsTime() {
        JsonNode before = api.get(path(), author.auth()).json();
        assertThat(before.get("editedAt").isNull()).isTrue();

        Response edited = edit(author, "  second version\nwith a line  ");

        assertThat(edited.status()).isEqualTo(200);
        JsonNode post = edited.json();
        assertThat(post.propertyNames()).containsExactlyInAnyOrder("id", "author", "content", "createdAt", "editedAt",
                "commentCount", "likeCount", "likedByMe", "tags", "mentions");
        assertThat(post.get("content").asString()).isEqualTo("second version\nwith a line");
        assertThat(post.get("createdAt")).isEqualTo(before.get("createdAt"));
        assertThat(post.get("editedAt").asString()).endsWith("Z");
        assertThat(Instant.parse(post.get("editedAt").asString()))
                .isAfterOrEqualTo(Instant.parse(post.get("createdAt").asString()));
        assertThat(api.get(path(), follower.auth()).json()).isEqualTo(post);
        assertThat(feedPost(follower)).isEqualTo(post);
        String profile = api.get("/users/" + author.username(), follower.auth()).body();
        assertThat(profile).contains("second version").doesNotContain("first version").contains("class=\"edited");
    }

    @Test
    void theSameTextAgainIsNoEdit() {
        Response same = edit(author, "first version");
        assertThat(same.status()).isEqualTo(200);
        assertThat(same.json().get("editedAt").isNull()).isTrue();
    }

    @Test
    void othersWhoSeeThePostGet403AndEveryoneElse404() {
        assertProblem(edit(follower, "mine now"), 403);
        assertProblem(delete(follower), 403);
        assertProblem(edit(stranger, "mine now"), 404);
        assertProblem(delete(stranger), 404);
        assertProblem(api.send("PATCH", "/api/posts/99999999999", "application/json",
                ApiClient.json(Map.of("content", "x")), author.auth()), 404);
        assertProblem(api.send("DELETE", "/api/posts/99999999999", null, null, author.auth()), 404);
        assertProblem(api.send("DELETE", path(), null, null), 401);

        JsonNode post = api.get(path(), author.auth()).json();
        assertThat(post.get("content").asString()).isEqualTo("first version");
        assertThat(post.get("editedAt").isNull()).isTrue();
    }

    @Test
    void badContentIs400LikeCreatingAndChangesNothing() {
        for (String bad : new String[] {"", "   ", "\u200B", "x".repeat(2001), "a\u0000b"}) {
            Response response = edit(author, bad);
            assertProblem(response, 400);
            assertThat(fields(response)).containsExactly("content");
        }
        for (String body : new String[] {"{\"content\": 42}", "{\"content\": true}", "{}", "not json"}) {
            assertProblem(api.send("PATCH", path(), "application/json", body, author.auth()), 400);
        }
        assertProblem(api.send("PATCH", path(), "text/plain", "hello", author.auth()), 415);
        assertThat(api.get(path(), author.auth()).json().get("content").asString()).isEqualTo("first version");
        assertThat(edit(author, "🎉".repeat(2000)).status()).isEqualTo(200);
    }

    @Test
    void deleteIsIdempotentForTheAuthorAndTakesTheCommentsAlong() {
        api.post(path() + "/comments", ApiClient.json(Map.of("content", "a comment")), follower.auth());
        api.post(path() + "/comments", ApiClient.json(Map.of("content", "mine")), author.auth());
        long kept = TestUsers.post(api, author, "kept");

        assertThat(delete(author).status()).isEqualTo(204);
        assertThat(delete(author).status()).as("a second delete by the author").isEqualTo(204);

        assertProblem(api.get(path(), author.auth()), 404);
        assertProblem(api.get(path(), follower.auth()), 404);
        assertProblem(api.get(path() + "/comments", author.auth()), 404);
        assertProblem(edit(author, "back again"), 404);
        assertProblem(api.post(path() + "/comments", ApiClient.json(Map.of("content", "late")), follower.auth()), 404);
        // It no longer exists: for anyone but its author a delete is the 404 of an absent post.
        assertProblem(delete(follower), 404);
        assertProblem(delete(stranger), 404);

        assertThat(feedIds(follower)).contains(kept).doesNotContain(postId);
        assertThat(feedIds(author)).contains(kept).doesNotContain(postId);
        assertThat(api.get("/users/" + author.username(), follower.auth()).body())
                .contains("id=\"post-" + kept + "\"").doesNotContain("id=\"post-" + postId + "\"");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM comments WHERE post_id = ?").param(postId).query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM posts WHERE id = ?").param(postId).query(Long.class).single())
                .isZero();
    }

    private Response edit(LoggedIn who, String content) {
        return api.send("PATCH", path(), "application/json", ApiClient.json(Map.of("content", content)), who.auth());
    }

    private Response delete(LoggedIn who) {
        return api.send("DELETE", path(), null, null, who.auth());
    }

    private String path() {
        return "/api/posts/" + postId;
    }

    private JsonNode feedPost(LoggedIn viewer) {
        return api.get("/api/feed", viewer.auth()).json().get("items").valueStream()
                .filter(p -> p.get("id").asLong() == postId).findFirst().orElseThrow();
    }

    private java.util.List<Long> feedIds(LoggedIn viewer) {
        return api.get("/api/feed?limit=100", viewer.auth()).json().get("items").valueStream()
                .map(p -> p.get("id").asLong()).toList();
    }
}
