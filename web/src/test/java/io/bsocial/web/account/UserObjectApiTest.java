package io.bsocial.web.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.bsocial.web.WebIntegrationTest;
import io.bsocial.web.support.ApiClient;
import io.bsocial.web.support.TestUsers;
import io.bsocial.web.support.TestUsers.LoggedIn;
import tools.jackson.databind.JsonNode;

/**
 * The contract's user object is the same wherever a person appears: a post's author, a comment's
 * author and the people a post or comment mentions all carry {@code bio} and {@code avatarUrl}
 * (null when there is none), as {@code GET /api/me} does. On H2 and PostgreSQL.
 */
@WebIntegrationTest
class UserObjectApiTest {

    @LocalServerPort
    int port;

    @Test
    void authorsCommentersAndMentionsCarryBioAndAvatarUrl() throws Exception {
        ApiClient api = new ApiClient(port);
        LoggedIn ada = TestUsers.create(api, "uoa");
        LoggedIn bob = TestUsers.create(api, "uob");
        TestUsers.follow(api, bob, ada);
        TestUsers.follow(api, ada, bob);
        assertThat(api.send("PATCH", "/api/me", "application/json", "{\"bio\":\"Counting engines\"}", ada.auth())
                .status()).isEqualTo(200);
        uploadAvatar(ada);
        JsonNode adaMe = api.get("/api/me", ada.auth()).json();
        String avatarUrl = adaMe.get("avatarUrl").asString();
        assertThat(avatarUrl).startsWith("/api/users/" + ada.username() + "/avatar?v=");

        long post = TestUsers.post(api, ada, "Hello @" + bob.username());
        long comment = TestUsers.comment(api, bob, post, "Hi @" + ada.username());

        JsonNode read = api.get("/api/posts/" + post, bob.auth()).json();
        assertUser(read.get("author"), ada, "Counting engines", avatarUrl);
        assertUser(read.get("mentions").get(0), bob, null, null);

        JsonNode comments = api.get("/api/posts/" + post + "/comments", ada.auth()).json().get("items");
        JsonNode bobs = comments.valueStream().filter(c -> c.get("id").asLong() == comment).findFirst().orElseThrow();
        assertUser(bobs.get("author"), bob, null, null);
        assertUser(bobs.get("mentions").get(0), ada, "Counting engines", avatarUrl);

        JsonNode inFeed = api.get("/api/feed", bob.auth()).json().get("items").valueStream()
                .filter(p -> p.get("id").asLong() == post).findFirst().orElseThrow();
        assertUser(inFeed.get("author"), ada, "Counting engines", avatarUrl);
    }

    private static void assertUser(JsonNode user, LoggedIn who, String bio, String avatarUrl) {
        assertThat(user.propertyNames()).containsExactlyInAnyOrder("id", "username", "firstName", "lastName", "bio",
                "avatarUrl");
        assertThat(user.get("id").asLong()).isEqualTo(who.id());
        assertThat(user.get("bio").isNull() ? null : user.get("bio").asString()).isEqualTo(bio);
        assertThat(user.get("avatarUrl").isNull() ? null : user.get("avatarUrl").asString()).isEqualTo(avatarUrl);
    }

    private void uploadAvatar(LoggedIn who) throws IOException, InterruptedException {
        BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        image.createGraphics().setColor(Color.ORANGE);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/me/avatar"))
                .header("X-Auth-Token", who.token()).header("Content-Type", "image/png")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(png.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }
}
