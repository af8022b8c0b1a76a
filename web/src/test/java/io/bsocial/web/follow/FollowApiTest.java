package io.bsocial.web.follow;

import static io.bsocial.web.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

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
class FollowApiTest {

    @LocalServerPort
    int port;

    ApiClient api;
    LoggedIn ann;
    LoggedIn bob;

    @BeforeEach
    void users() {
        api = new ApiClient(port);
        ann = TestUsers.create(api, "ann");
        bob = TestUsers.create(api, "bob");
    }

    @Test
    void followingIsOneWayAndIdempotent() {
        assertThat(put(ann, bob.username()).status()).isEqualTo(204);
        assertThat(put(ann, bob.username()).status()).isEqualTo(204);

        JsonNode bobSeenByAnn = api.get("/api/users/" + bob.username(), ann.auth()).json();
        assertThat(bobSeenByAnn.get("followers").asLong()).isEqualTo(1);
        assertThat(bobSeenByAnn.get("following").asLong()).isZero();
        assertThat(bobSeenByAnn.get("followedByMe").asBoolean()).isTrue();

        JsonNode annSeenByBob = api.get("/api/users/" + ann.username(), bob.auth()).json();
        assertThat(annSeenByBob.get("followers").asLong()).isZero();
        assertThat(annSeenByBob.get("following").asLong()).isEqualTo(1);
        assertThat(annSeenByBob.get("followedByMe").asBoolean()).isFalse();
    }

    @Test
    void unfollowingIsIdempotent() {
        put(ann, bob.username());
        assertThat(delete(ann, bob.username()).status()).isEqualTo(204);
        assertThat(delete(ann, bob.username()).status()).isEqualTo(204);
        assertThat(api.get("/api/users/" + bob.username(), ann.auth()).json().get("followers").asLong()).isZero();
    }

    @Test
    void selfFollowAndUnknownUsersAreRefused() {
        assertProblem(put(ann, ann.username()), 400);
        assertProblem(put(ann, "no_such_user_" + ann.username()), 404);
        assertProblem(delete(ann, "no_such_user_" + ann.username()), 404);
        assertProblem(api.get("/api/users/no_such_user_x", ann.auth()), 404);
        assertProblem(api.send("PUT", "/api/users/" + bob.username() + "/follow", null, null), 401);
    }

    @Test
    void usernamesInPathsIgnoreCase() {
        assertThat(put(ann, bob.username().toUpperCase()).status()).isEqualTo(204);
        assertThat(api.get("/api/users/" + bob.username().toUpperCase(), ann.auth()).json()
                .get("followedByMe").asBoolean()).isTrue();
    }

    @Test
    void aProfileNeverShowsTheEmailAddress() {
        Response profile = api.get("/api/users/" + bob.username(), ann.auth());
        assertThat(profile.json().propertyNames()).containsExactlyInAnyOrder(
                "id", "username", "firstName", "lastName", "bio", "avatarUrl", "followers", "following", "followedByMe");
        assertThat(profile.body()).doesNotContain("@example.com");
    }

    private Response put(LoggedIn who, String username) {
        return api.send("PUT", "/api/users/" + username + "/follow", null, null, who.auth());
    }

    private Response delete(LoggedIn who, String username) {
        return api.send("DELETE", "/api/users/" + username + "/follow", null, null, who.auth());
    }
}
