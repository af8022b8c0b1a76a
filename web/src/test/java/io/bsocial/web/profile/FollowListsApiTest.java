package io.bsocial.web.profile;

import static io.bsocial.web.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.bsocial.web.WebIntegrationTest;
import io.bsocial.web.support.ApiClient;
import io.bsocial.web.support.ApiClient.Response;
import io.bsocial.web.support.TestUsers;
import io.bsocial.web.support.TestUsers.LoggedIn;

/**
 * Followers and following lists through the real API, on H2 and PostgreSQL: newest follow first,
 * keyset paged (every person once across pages, with the next page in a Link header), profiles
 * as the caller sees them, 404 for nobody by that name.
 */
@WebIntegrationTest
class FollowListsApiTest {

    @LocalServerPort
    int port;

    @Test
    void followersComeNewestFirstPageByPageEachOnce() {
        ApiClient api = new ApiClient(port);
        LoggedIn star = TestUsers.create(api, "liststar");
        LoggedIn viewer = TestUsers.create(api, "listviewer");
        List<Long> followedInOrder = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            LoggedIn fan = TestUsers.create(api, "listfan");
            TestUsers.follow(api, fan, star);
            followedInOrder.add(0, fan.id()); // newest first
        }
        TestUsers.follow(api, viewer, star);
        followedInOrder.add(0, viewer.id());

        List<Long> seen = new ArrayList<>();
        String next = "/api/users/" + star.username() + "/followers?limit=2";
        int pages = 0;
        while (next != null) {
            Response page = api.get(next, viewer.auth());
            assertThat(page.status()).isEqualTo(200);
            page.json().get("items").forEach(person -> seen.add(person.get("id").asLong()));
            String cursor = page.json().get("nextCursor").isNull() ? null : page.json().get("nextCursor").asString();
            if (cursor != null) {
                assertThat(page.header("Link")).contains("rel=\"next\"").contains("cursor=");
            }
            next = cursor == null ? null : "/api/users/" + star.username() + "/followers?limit=2&cursor=" + cursor;
            pages++;
        }
        assertThat(seen).isEqualTo(followedInOrder);
        assertThat(pages).isEqualTo(3);

        // Each item is a profile as the caller sees it.
        Response first = api.get("/api/users/" + star.username() + "/followers", viewer.auth());
        assertThat(first.json().get("items").get(0).propertyNames()).containsExactlyInAnyOrder("id", "username",
                "firstName", "lastName", "bio", "avatarUrl", "followers", "following", "followedByMe");
        assertThat(first.json().get("items").get(0).get("username").asString()).isEqualTo(viewer.username());

        // And the other way: whom the viewer follows.
        Response following = api.get("/api/users/" + viewer.username() + "/following", star.auth());
        assertThat(following.json().get("items")).hasSize(1);
        assertThat(following.json().get("items").get(0).get("id").asLong()).isEqualTo(star.id());
        assertThat(following.json().get("nextCursor").isNull()).isTrue();
    }

    @Test
    void anUnfollowLeavesTheListAndNobodyByThatNameIs404() {
        ApiClient api = new ApiClient(port);
        LoggedIn a = TestUsers.create(api, "lista");
        LoggedIn b = TestUsers.create(api, "listb");
        TestUsers.follow(api, a, b);
        assertThat(api.send("DELETE", "/api/users/" + b.username() + "/follow", null, null, a.auth()).status())
                .isEqualTo(204);
        assertThat(api.get("/api/users/" + b.username() + "/followers", a.auth()).json().get("items")).isEmpty();
        assertProblem(api.get("/api/users/nobody_by_that_name/followers", a.auth()), 404);
        assertProblem(api.get("/api/users/nobody_by_that_name/following", a.auth()), 404);
        assertProblem(api.get("/api/users/" + b.username() + "/followers?cursor=not-a-cursor", a.auth()), 400);
        assertProblem(api.get("/api/users/" + b.username() + "/following?limit=1000", a.auth()), 400);
    }
}
