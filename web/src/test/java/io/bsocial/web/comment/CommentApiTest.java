package io.bsocial.web.comment;

import static io.bsocial.web.support.ProblemAssertions.assertProblem;
import static io.bsocial.web.support.ProblemAssertions.fields;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
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

@WebIntegrationTest
class CommentApiTest {

    @LocalServerPort
    int port;

    ApiClient api;
    LoggedIn author;
    LoggedIn friend;
    long postId;

    @BeforeEach
    void scene() {
        api = new ApiClient(port);
        author = TestUsers.create(api, "cauthor");
        friend = TestUsers.create(api, "cfriend");
        TestUsers.follow(api, friend, author);
        postId = TestUsers.post(api, author, "talk to me");
    }

    @Test
    void createsACommentAndCountsItOnThePost() {
        Response created = comment(friend, "  Nice <i>post</i> & \"more\"\nline two  ");

        assertThat(created.status()).isEqualTo(201);
        JsonNode comment = created.json();
        assertThat(comment.propertyNames()).containsExactlyInAnyOrder("id", "postId", "author", "content", "createdAt",
                "editedAt", "likeCount", "likedByMe", "parentId", "mentions");
        assertThat(comment.get("editedAt").isNull()).isTrue();
        assertThat(comment.get("postId").asLong()).isEqualTo(postId);
        assertThat(comment.get("author").get("username").asString()).isEqualTo(friend.username());
        assertThat(comment.get("content").asString()).isEqualTo("Nice <i>post</i> & \"more\"\nline two");
        assertThat(api.get("/api/posts/" + postId, author.auth()).json().get("commentCount").asInt()).isEqualTo(1);
        assertThat(feedPost(friend).get("commentCount").asInt()).isEqualTo(1);
    }

    @Test
    void listsCommentsOldestFirstInPages() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ids.add(comment(i % 2 == 0 ? friend : author, "c" + i).json().get("id").asLong());
        }
        List<Long> seen = new ArrayList<>();
        Response page = api.get("/api/posts/" + postId + "/comments?limit=3", friend.auth());
        assertThat(page.header("Link")).contains("rel=\"next\"");
        seen.addAll(ids(page));
        while (!page.json().get("nextCursor").isNull()) {
            page = api.get("/api/posts/" + postId + "/comments?limit=3&cursor="
                    + page.json().get("nextCursor").asString(), friend.auth());
            seen.addAll(ids(page));
        }
        assertThat(seen).isEqualTo(ids);
        assertThat(api.get("/api/posts/" + postId, friend.auth()).json().get("commentCount").asInt()).isEqualTo(7);
    }

    @Test
    void refusesBlankOrTooLongCommentsAndBadPaging() {
        for (String bad : new String[] {"", "  ", "x".repeat(1001)}) {
            Response response = comment(friend, bad);
            assertProblem(response, 400);
            assertThat(fields(response)).containsExactly("content");
        }
        assertThat(comment(friend, "x".repeat(1000)).status()).isEqualTo(201);
        assertProblem(api.post("/api/posts/" + postId + "/comments", "{\"content\": {}}", friend.auth()), 400);
        assertProblem(api.post("/api/posts/nope/comments", ApiClient.json(Map.of("content", "x")), friend.auth()), 400);
        assertProblem(api.get("/api/posts/" + postId + "/comments?limit=500", friend.auth()), 400);
        assertProblem(api.get("/api/posts/" + postId + "/comments?cursor=zzz", friend.auth()), 400);
        assertThat(api.get("/api/posts/" + postId, author.auth()).json().get("commentCount").asInt()).isEqualTo(1);
    }

    @Test
    void refusesNonStringControlCharactersAndInvisibleOnlyComments() {
        for (String body : new String[] {"{\"content\": 7}", "{\"content\": true}", "{\"content\": \"a\\u0000b\"}",
                "{\"content\": \"x\\ud800\"}", "{\"content\": \"\\u200b\\u2060\"}"}) {
            Response response = api.post("/api/posts/" + postId + "/comments", body, friend.auth());
            assertProblem(response, 400);
            assertThat(fields(response)).as(body).containsExactly("content");
        }
        assertThat(api.get("/api/posts/" + postId, author.auth()).json().get("commentCount").asInt()).isZero();
        assertThat(comment(friend, "tabs\tand\nbreaks").json().get("content").asString()).isEqualTo("tabs\tand\nbreaks");
    }

    private Response comment(LoggedIn who, String content) {
        return api.post("/api/posts/" + postId + "/comments", ApiClient.json(Map.of("content", content)), who.auth());
    }

    private JsonNode feedPost(LoggedIn viewer) {
        return api.get("/api/feed", viewer.auth()).json().get("items").valueStream()
                .filter(p -> p.get("id").asLong() == postId).findFirst().orElseThrow();
    }

    private static List<Long> ids(Response page) {
        return page.json().get("items").valueStream().map(p -> p.get("id").asLong()).toList();
    }
}
