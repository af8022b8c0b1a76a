package io.bsocial.web.export;

import static io.bsocial.web.support.ProblemAssertions.assertPastBudget;
import static io.bsocial.web.support.ProblemAssertions.assertProblem;
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

/**
 * {@code GET /api/me/export}: one JSON document of the caller's own data, as a download; once a day
 * (429 with the budget's headers the second time); nobody ever gets anyone else's.
 */
@WebIntegrationTest
class ExportApiTest {

    @LocalServerPort
    int port;

    ApiClient api;
    LoggedIn me;
    LoggedIn friend;

    @BeforeEach
    void twoPeople() {
        api = new ApiClient(port);
        me = TestUsers.create(api, "exporter");
        friend = TestUsers.create(api, "exportfriend");
    }

    @Test
    void holdsTheProfilePostsCommentsLikesFollowsAndFollowers() {
        api.send("PATCH", "/api/me", "application/json", ApiClient.json(Map.of("bio", "Mine.")), me.auth());
        TestUsers.follow(api, me, friend);
        TestUsers.follow(api, friend, me);
        long older = TestUsers.post(api, me, "My first #post");
        long newer = TestUsers.post(api, me, "My second post");
        long friendsPost = TestUsers.post(api, friend, "The friend's post");
        long myComment = TestUsers.comment(api, me, friendsPost, "My comment");
        long friendsComment = TestUsers.comment(api, friend, older, "The friend's comment");
        assertThat(api.send("PUT", "/api/posts/" + friendsPost + "/like", null, null, me.auth()).status()).isEqualTo(200);
        assertThat(api.send("PUT", "/api/posts/" + older + "/comments/" + friendsComment + "/like", null, null,
                me.auth()).status()).isEqualTo(200);

        LoggedIn pest = TestUsers.create(api, "exportpest");
        LoggedIn noisy = TestUsers.create(api, "exportnoisy");
        assertThat(api.send("PUT", "/api/users/" + pest.username() + "/block", null, null, me.auth()).status()).isEqualTo(204);
        assertThat(api.send("PUT", "/api/users/" + noisy.username() + "/mute", null, null, me.auth()).status()).isEqualTo(204);

        Response export = api.get("/api/me/export", me.auth());

        assertThat(export.status()).as(export.body()).isEqualTo(200);
        assertThat(export.header("Content-Type")).startsWith("application/json");
        assertThat(export.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"bsocial-export-" + me.username() + ".json\"");
        JsonNode document = export.json();
        assertThat(document.propertyNames()).containsExactly("format", "exportedAt", "profile", "posts", "comments",
                "likes", "follows", "followers", "blocks", "mutes");
        assertThat(document.get("format").asString()).isEqualTo("bsocial-export/1");
        JsonNode profile = document.get("profile");
        assertThat(profile.get("username").asString()).isEqualTo(me.username());
        assertThat(profile.get("email").asString()).isEqualTo(me.username() + "@example.com");
        assertThat(profile.get("bio").asString()).isEqualTo("Mine.");
        assertThat(ids(document.get("posts"), "id")).as("newest first").containsExactly(newer, older);
        assertThat(document.get("posts").get(1).get("content").asString()).isEqualTo("My first #post");
        assertThat(document.get("posts").get(1).get("commentCount").asInt()).isEqualTo(1);
        assertThat(ids(document.get("comments"), "id")).containsExactly(myComment);
        assertThat(document.get("comments").get(0).get("postId").asLong()).isEqualTo(friendsPost);
        assertThat(document.get("comments").get(0).get("content").asString()).isEqualTo("My comment");
        assertThat(ids(document.get("likes").get("posts"), "postId")).containsExactly(friendsPost);
        assertThat(ids(document.get("likes").get("comments"), "commentId")).containsExactly(friendsComment);
        assertThat(document.get("follows").get(0).get("username").asString()).isEqualTo(friend.username());
        assertThat(document.get("followers").get(0).get("username").asString()).isEqualTo(friend.username());
        assertThat(document.get("follows").get(0).get("since").asString()).matches("\\d{4}-.*Z");
        assertThat(ids(document.get("blocks"), "id")).containsExactly(pest.id());
        assertThat(ids(document.get("mutes"), "id")).containsExactly(noisy.id());
        assertThat(document.get("mutes").get(0).get("username").asString()).isEqualTo(noisy.username());
        assertThat(export.body()).doesNotContain("argon2").doesNotContain(TestUsers.PASSWORD)
                .doesNotContain(friend.username() + "@example.com").doesNotContain("The friend's post");
    }

    @Test
    void aSecondExportTheSameDayIs429AndNothingIsWritten() {
        assertThat(api.get("/api/me/export", me.auth()).status()).isEqualTo(200);

        Response again = api.get("/api/me/export", me.auth());
        assertPastBudget(again, "exports", 1, 86_400);
        assertThat(again.header("Content-Disposition")).isNull();

        // One account's export is its own budget: the friend may still export.
        assertThat(api.get("/api/me/export", friend.auth()).status()).isEqualTo(200);
    }

    @Test
    void nobodyReachesAnotherAccountsExport() {
        TestUsers.post(api, friend, "Only the friend's");

        JsonNode mine = api.get("/api/me/export", me.auth()).json();
        assertThat(mine.get("profile").get("id").asLong()).isEqualTo(me.id());
        assertThat(mine.get("posts").isEmpty()).isTrue();
        // No address names another account's export; the path's spellings reach the caller's own or nothing.
        for (String path : List.of("/api/users/" + friend.username() + "/export", "/api/me/export?userId=" + friend.id(),
                "/api/me/export?username=" + friend.username())) {
            Response response = api.get(path, me.auth());
            if (response.status() == 200) {
                assertThat(response.json().get("profile").get("id").asLong()).isEqualTo(me.id());
            } else {
                assertThat(response.status()).isIn(404, 429);
            }
        }
        assertProblem(api.get("/api/me/export"), 401);
    }

    private static List<Long> ids(JsonNode items, String field) {
        return items.valueStream().map(item -> item.get(field).asLong()).toList();
    }
}
