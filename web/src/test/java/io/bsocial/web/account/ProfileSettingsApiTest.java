package io.bsocial.web.account;

import static io.bsocial.web.support.ProblemAssertions.assertProblem;
import static io.bsocial.web.support.ProblemAssertions.fields;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * {@code PATCH /api/me}: names as registration validates them, a bio of at most 300 characters with
 * the rules of posts, each field optional; the new values in the user object, in the profile and
 * on the pages.
 */
@WebIntegrationTest
class ProfileSettingsApiTest {

    @LocalServerPort
    int port;

    ApiClient api;
    LoggedIn me;

    @BeforeEach
    void signIn() {
        api = new ApiClient(port);
        me = TestUsers.create(api, "settings");
    }

    @Test
    void changesNamesAndBioAndAnswersTheUser() {
        Response changed = patch(Map.of("firstName", "  Ada ", "lastName", "Lovelace", "bio", " Counting engines.\nMore soon. "));

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        JsonNode user = changed.json();
        assertThat(user.propertyNames()).containsExactlyInAnyOrder(
                "id", "username", "firstName", "lastName", "email", "registeredAt", "bio", "avatarUrl");
        assertThat(user.get("firstName").asString()).isEqualTo("Ada");
        assertThat(user.get("lastName").asString()).isEqualTo("Lovelace");
        assertThat(user.get("bio").asString()).isEqualTo("Counting engines.\nMore soon.");
        assertThat(user.get("avatarUrl").isNull()).isTrue();

        JsonNode meNow = api.get("/api/me", me.auth()).json();
        assertThat(meNow.get("bio").asString()).isEqualTo("Counting engines.\nMore soon.");
        JsonNode profile = api.get("/api/users/" + me.username(), me.auth()).json();
        assertThat(profile.get("firstName").asString()).isEqualTo("Ada");
        assertThat(profile.get("bio").asString()).isEqualTo("Counting engines.\nMore soon.");
        assertThat(api.get("/api/users?q=lovelace", me.auth()).json().get("items").valueStream()
                .map(item -> item.get("username").asString())).as("found by the new name").contains(me.username());
    }

    @Test
    void eachFieldIsOptionalAndABlankBioRemovesIt() {
        patch(Map.of("bio", "Here."));
        Response onlyFirst = patch(Map.of("firstName", "Grace"));
        assertThat(onlyFirst.json().get("lastName").asString()).isEqualTo("User " + me.username());
        assertThat(onlyFirst.json().get("bio").asString()).isEqualTo("Here.");

        Response nothing = patch(Map.of());
        assertThat(nothing.status()).isEqualTo(200);
        assertThat(nothing.json().get("firstName").asString()).isEqualTo("Grace");

        Response cleared = patch(Map.of("bio", " \u200B "));
        assertThat(cleared.json().get("bio").isNull()).isTrue();
    }

    @Test
    void aBioOfThreeHundredCharactersIsKeptAndOneMoreIsRefused() {
        String emoji = "\uD83D\uDE00";
        assertThat(patch(Map.of("bio", emoji.repeat(300))).status()).as("code points, not UTF-16 units").isEqualTo(200);

        Response tooLong = patch(Map.of("bio", "b".repeat(301)));
        assertProblem(tooLong, 400);
        assertThat(fields(tooLong)).containsExactly("bio");
        assertThat(api.get("/api/me", me.auth()).json().get("bio").asString()).isEqualTo(emoji.repeat(300));
    }

    @Test
    void controlCharactersAreRefusedAndNothingIsStored() {
        Response control = patch(Map.of("bio", "ring \u0007 the bell", "firstName", "Ok"));
        assertProblem(control, 400);
        assertThat(fields(control)).containsExactly("bio");

        Response names = patch(Map.of("firstName", "Evil\u202E", "lastName", "x".repeat(51)));
        assertProblem(names, 400);
        assertThat(fields(names)).containsExactly("firstName", "lastName");

        Response blank = patch(Map.of("firstName", "   "));
        assertThat(fields(blank)).containsExactly("firstName");
        assertThat(blank.json().get("errors").get(0).get("message").asString()).isEqualTo("First name is required.");

        Response nul = patch(Map.of("lastName", "a\u0000b"));
        assertThat(fields(nul)).containsExactly("lastName");

        assertThat(api.get("/api/me", me.auth()).json().get("firstName").asString()).isEqualTo("Test");
    }

    @Test
    void typesAreStrict() {
        Response number = api.send("PATCH", "/api/me", "application/json", "{\"bio\": 42}", me.auth());
        assertProblem(number, 400);
        assertThat(fields(number)).containsExactly("bio");
        Response bool = api.send("PATCH", "/api/me", "application/json", "{\"firstName\": true}", me.auth());
        assertThat(fields(bool)).containsExactly("firstName");
        assertProblem(api.send("PATCH", "/api/me", "application/json", "{\"bio\": [\"a\"]}", me.auth()), 400);
        assertProblem(api.send("PATCH", "/api/me", "application/json", "{\"bio\": \"a\", \"bio\": \"b\"}", me.auth()), 400);
        assertProblem(api.send("PATCH", "/api/me", "text/plain", "bio", me.auth()), 415);
        assertProblem(api.send("PATCH", "/api/me", "application/json", "{\"bio\": \"a\"}"), 401);
    }

    @Test
    void theProfilePageShowsTheBioLinkedLikeAPostAndTheNewNameEverywhere() {
        LoggedIn friend = TestUsers.create(api, "biofriend");
        patch(Map.of("firstName", "Renamed", "bio", "Ask @" + friend.username() + " about #engines at https://example.com <b>x</b>"));
        String cookie = pageSession();

        String profile = api.get("/users/" + me.username(), "Cookie", cookie).body();
        Matcher bio = Pattern.compile("<p[^>]*id=\"profile-bio\"[^>]*>(.*?)</p>", Pattern.DOTALL).matcher(profile);
        assertThat(bio.find()).isTrue();
        assertThat(bio.group(1))
                .contains("href=\"/users/" + friend.username() + "\"")
                .contains("href=\"/tags/engines\"")
                .contains("href=\"https://example.com\"")
                .contains("&lt;b&gt;x&lt;/b&gt;")
                .doesNotContain("<b>");
        assertThat(profile).contains("Renamed User " + me.username());

        // The session signed in before the change shows the new name in its top bar.
        String settings = api.get("/settings", "Cookie", cookie).body();
        assertThat(settings).contains("id=\"nav-user\"").contains(">Renamed User " + me.username() + "<");
    }

    @Test
    void aNameChangeRenamesTheTopBarOfSessionsSignedInBefore() {
        String cookie = pageSession();
        patch(Map.of("lastName", "Hopper"));

        assertThat(api.get("/", "Cookie", cookie).body()).contains(">Test Hopper<");
    }

    /** A page session of the user (form login), as a browser would hold it. */
    private String pageSession() {
        Response login = api.post("/api/auth/login",
                ApiClient.json(Map.of("login", me.username(), "password", TestUsers.PASSWORD)));
        return "SESSION=" + login.sessionCookie();
    }

    private Response patch(Map<String, ?> fields) {
        return api.send("PATCH", "/api/me", "application/json", ApiClient.json(new HashMap<>(fields)), me.auth());
    }
}
