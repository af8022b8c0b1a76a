package io.bsocial.web.profile;

import static io.bsocial.web.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.bsocial.web.WebIntegrationTest;
import io.bsocial.web.support.ApiClient;
import io.bsocial.web.support.TestUsers;
import io.bsocial.web.support.TestUsers.LoggedIn;
import tools.jackson.databind.JsonNode;

/**
 * Suggestions through the real API, on H2 and PostgreSQL: first the people followed by the most
 * of those the caller follows, then the most followed; never the caller, never someone they
 * follow already.
 */
@WebIntegrationTest
class SuggestionsApiTest {

    @LocalServerPort
    int port;

    @Test
    void peopleYourPeopleFollowComeFirstThenTheMostFollowed() {
        ApiClient api = new ApiClient(port);
        LoggedIn viewer = TestUsers.create(api, "sugviewer");
        LoggedIn a = TestUsers.create(api, "suga");
        LoggedIn b = TestUsers.create(api, "sugb");
        LoggedIn both = TestUsers.create(api, "sugboth");
        LoggedIn one = TestUsers.create(api, "sugone");
        TestUsers.follow(api, viewer, a);
        TestUsers.follow(api, viewer, b);
        TestUsers.follow(api, a, both);
        TestUsers.follow(api, b, both);
        TestUsers.follow(api, a, one);
        TestUsers.follow(api, a, viewer); // followed back: the viewer is never suggested to themself

        List<JsonNode> items = items(api.get("/api/suggestions?limit=6", viewer.auth()));
        assertThat(items).hasSize(6);
        assertThat(items.get(0).get("id").asLong()).isEqualTo(both.id());
        assertThat(items.get(1).get("id").asLong()).isEqualTo(one.id());
        assertThat(items).extracting(item -> item.get("id").asLong()).doesNotContain(viewer.id(), a.id(), b.id())
                .doesNotHaveDuplicates();
        assertThat(items).allSatisfy(item -> assertThat(item.get("followedByMe").asBoolean()).isFalse());

        // Followed now: no longer suggested.
        TestUsers.follow(api, viewer, both);
        assertThat(items(api.get("/api/suggestions?limit=6", viewer.auth())))
                .extracting(item -> item.get("id").asLong()).doesNotContain(both.id()).startsWith(one.id());
    }

    @Test
    void someoneWhoFollowsNobodyGetsTheMostFollowedFirst() {
        ApiClient api = new ApiClient(port);
        LoggedIn newcomer = TestUsers.create(api, "sugnew");
        LoggedIn popular = TestUsers.create(api, "sugpopular");
        for (int i = 0; i < 3; i++) {
            TestUsers.follow(api, TestUsers.create(api, "sugfan"), popular);
        }
        List<JsonNode> items = items(api.get("/api/suggestions?limit=5", newcomer.auth()));
        assertThat(items).isNotEmpty().hasSizeLessThanOrEqualTo(5);
        List<Long> followers = new ArrayList<>();
        items.forEach(item -> followers.add(item.get("followers").asLong()));
        assertThat(followers).as("most followed first").isSortedAccordingTo((x, y) -> Long.compare(y, x));
        assertThat(followers.get(0)).isGreaterThanOrEqualTo(3);
        assertThat(items).extracting(item -> item.get("id").asLong()).doesNotContain(newcomer.id());

        assertProblem(api.get("/api/suggestions?limit=0", newcomer.auth()), 400);
        assertProblem(api.get("/api/suggestions?limit=many", newcomer.auth()), 400);
    }

    private static List<JsonNode> items(ApiClient.Response response) {
        assertThat(response.status()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        response.json().get("items").forEach(items::add);
        return items;
    }
}
