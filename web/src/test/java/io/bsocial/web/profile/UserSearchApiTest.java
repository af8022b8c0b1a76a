package io.bsocial.web.profile;

import static io.bsocial.web.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.bsocial.web.WebIntegrationTest;
import io.bsocial.web.support.ApiClient;
import io.bsocial.web.support.TestUsers;
import io.bsocial.web.support.TestUsers.LoggedIn;

@WebIntegrationTest
class UserSearchApiTest {

    @LocalServerPort
    int port;

    ApiClient api;
    LoggedIn me;
    String marker;

    @BeforeEach
    void people() {
        api = new ApiClient(port);
        me = TestUsers.create(api, "searcher");
        marker = "q" + Long.toString(System.nanoTime() % 100_000_000, 36);
        register(marker + "_zed", "Zelda", marker + "field");
        register("x" + marker, marker + "ina", "Fitzgerald");
        register("y" + marker, "Ada", "Lovelace");
    }

    @Test
    void findsUsersWhoseUsernameOrNameStartsWithTheQueryIgnoringCase() {
        assertThat(usernames(marker.toUpperCase())).containsExactly(marker + "_zed", "x" + marker);
        assertThat(usernames(marker + "_Z")).containsExactly(marker + "_zed");
        assertThat(usernames(marker + "ina fitz")).containsExactly("x" + marker);
    }

    @Test
    void likeWildcardsAreSearchedLiterally() {
        assertThat(usernames("%")).isEmpty();
        assertThat(usernames(marker.substring(0, 1) + "_" + marker.substring(2))).isEmpty();
    }

    @Test
    void answersProfilesWithoutEmailsAndRespectsTheLimit() {
        var response = api.get("/api/users?q=" + marker + "&limit=1", me.auth());
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("items")).hasSize(1);
        assertThat(response.json().get("items").get(0).propertyNames()).containsExactlyInAnyOrder(
                "id", "username", "firstName", "lastName", "bio", "avatarUrl", "followers", "following", "followedByMe");
        assertProblem(api.get("/api/users?q=a&limit=0", me.auth()), 400);
        assertProblem(api.get("/api/users?q=a&limit=101", me.auth()), 400);
        assertProblem(api.get("/api/users?q=a&limit=many", me.auth()), 400);
    }

    private List<String> usernames(String q) {
        var response = api.get("/api/users?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), me.auth());
        assertThat(response.status()).isEqualTo(200);
        return response.json().get("items").valueStream().map(p -> p.get("username").asString()).toList();
    }

    private void register(String username, String firstName, String lastName) {
        Map<String, Object> body = new HashMap<>(TestUsers.registration(username));
        body.put("firstName", firstName);
        body.put("lastName", lastName);
        assertThat(api.post("/api/auth/register", ApiClient.json(body)).status()).isEqualTo(201);
    }
}
