package io.bsocial.web.post;

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

/**
 * "You see your own posts and those of people you follow", checked for every endpoint that shows
 * or touches a post: as its author, as a follower, as a stranger, and after unfollowing.
 */
@WebIntegrationTest
class VisibilityMatrixTest {

    @LocalServerPort
    int port;

    ApiClient api;
    LoggedIn author;
    LoggedIn follower;
    LoggedIn stranger;
    long postId;

    @BeforeEach
    void scene() {
        api = new ApiClient(port);
        author = TestUsers.create(api, "vauthor");
        follower = TestUsers.create(api, "vfollower");
        stranger = TestUsers.create(api, "vstranger");
        TestUsers.follow(api, follower, author);
        postId = TestUsers.post(api, author, "for my followers");
        // The stranger follows the follower: following is not transitive.
        TestUsers.follow(api, stranger, follower);
    }

    @Test
    void theAuthorSeesAndCommentsOnTheirOwnPost() {
        assertVisible(author);
    }

    @Test
    void aFollowerSeesAndComments() {
        assertVisible(follower);
    }

    @Test
    void aStrangerGets404EverywhereAndChangesNothing() {
        assertInvisible(stranger);
        assertThat(api.get("/api/posts/" + postId, author.auth()).json().get("commentCount").asInt()).isZero();
    }

    @Test
    void afterUnfollowingThePostIsGoneAgain() {
        assertThat(api.send("DELETE", "/api/users/" + author.username() + "/follow", null, null, follower.auth())
                .status()).isEqualTo(204);
        assertInvisible(follower);
    }

    @Test
    void anAbsentPostLooksExactlyLikeAnInvisibleOne() {
        Response invisible = api.get("/api/posts/" + postId, stranger.auth());
        Response absent = api.get("/api/posts/" + (postId + 1_000_000), stranger.auth());
        assertThat(invisible.status()).isEqualTo(absent.status()).isEqualTo(404);
        assertThat(invisible.json().get("detail")).isEqualTo(absent.json().get("detail"));
    }

    private void assertVisible(LoggedIn viewer) {
        assertThat(api.get("/api/posts/" + postId, viewer.auth()).status()).isEqualTo(200);
        assertThat(feedIds(viewer)).contains(postId);
        assertThat(api.get("/api/posts/" + postId + "/comments", viewer.auth()).status()).isEqualTo(200);
        assertThat(comment(viewer).status()).isEqualTo(201);
        assertThat(api.get("/api/posts/" + postId + "/comments", viewer.auth()).json().get("items")).hasSize(1);
    }

    private void assertInvisible(LoggedIn viewer) {
        assertProblem(api.get("/api/posts/" + postId, viewer.auth()), 404);
        assertThat(feedIds(viewer)).doesNotContain(postId);
        assertProblem(api.get("/api/posts/" + postId + "/comments", viewer.auth()), 404);
        assertProblem(comment(viewer), 404);
        assertProblem(api.post("/api/posts/" + postId + "/comments", ApiClient.json(Map.of("content", "")),
                viewer.auth()), 404);
    }

    private Response comment(LoggedIn viewer) {
        return api.post("/api/posts/" + postId + "/comments", ApiClient.json(Map.of("content", "I see it")),
                viewer.auth());
    }

    private List<Long> feedIds(LoggedIn viewer) {
        Response feed = api.get("/api/feed?limit=100", viewer.auth());
        assertThat(feed.status()).isEqualTo(200);
        return feed.json().get("items").valueStream().map(p -> p.get("id").asLong()).toList();
    }
}
