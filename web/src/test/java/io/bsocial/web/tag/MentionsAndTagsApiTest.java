package io.bsocial.web.tag;

import static io.bsocial.web.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.bsocial.shared.events.EventTopics;
import io.bsocial.web.WebIntegrationTest;
import io.bsocial.web.support.ApiClient;
import io.bsocial.web.support.KafkaRecorder;
import io.bsocial.web.support.TestUsers;
import io.bsocial.web.support.TestUsers.LoggedIn;
import tools.jackson.databind.JsonNode;

/**
 * Mentions and hashtags through the real API: the {@code tags} and {@code mentions} of posts and
 * comments, the events' {@code mentionedUserIds} (only those who may see the content) as the text
 * stands after an edit, and a tag's posts as the caller may see them, keyset paged.
 */
@WebIntegrationTest
class MentionsAndTagsApiTest {

    @RegisterExtension
    static final KafkaRecorder kafka = KafkaRecorder.ofEmbeddedBroker();

    @LocalServerPort
    int port;

    ApiClient api;
    LoggedIn ada;
    LoggedIn follower;
    LoggedIn stranger;

    @BeforeEach
    void people() {
        api = new ApiClient(port);
        ada = TestUsers.create(api, "tagada");
        follower = TestUsers.create(api, "tagfan");
        stranger = TestUsers.create(api, "tagstranger");
        TestUsers.follow(api, follower, ada);
    }

    @Test
    void aPostCarriesItsTagsAndTheAccountsItMentions() {
        String text = "Hi @" + follower.username().toUpperCase() + " and @" + stranger.username() + " and @nobody_here_x, "
                + "#Engines #ENGINES #café C#sharp mail me at x@" + follower.username();
        JsonNode post = api.post("/api/posts", ApiClient.json(Map.of("content", text)), ada.auth()).json();
        assertThat(post.get("tags")).extracting(JsonNode::asString).containsExactly("engines", "café");
        assertThat(post.get("mentions")).extracting(user -> user.get("username").asString())
                .containsExactly(follower.username(), stranger.username());
        assertThat(post.get("mentions").get(0).propertyNames()).containsExactlyInAnyOrder("id", "username", "firstName",
                "lastName", "bio", "avatarUrl");
        long id = post.get("id").asLong();
        // The event names only those who may see the post: the stranger does not follow Ada.
        JsonNode event = kafka.awaitOne(EventTopics.POST_CREATED, e -> e.get("postId").asLong() == id).json();
        assertThat(event.get("tags")).extracting(JsonNode::asString).containsExactly("engines", "café");
        assertThat(event.get("mentionedUserIds")).extracting(JsonNode::asLong).containsExactly(follower.id());
        // The feed and the post say the same.
        JsonNode inFeed = api.get("/api/feed", follower.auth()).json().get("items").get(0);
        assertThat(inFeed.get("mentions")).hasSize(2);
        assertThat(inFeed.get("tags")).hasSize(2);
    }

    @Test
    void anEditAddsAndRetractsMentionsAndTags() {
        LoggedIn other = TestUsers.create(api, "tagother");
        TestUsers.follow(api, other, ada);
        long id = TestUsers.post(api, ada, "For @" + follower.username() + " #first");
        JsonNode edited = api.send("PATCH", "/api/posts/" + id, "application/json",
                ApiClient.json(Map.of("content", "For @" + other.username() + " #second")), ada.auth()).json();
        assertThat(edited.get("mentions")).extracting(user -> user.get("id").asLong()).containsExactly(other.id());
        assertThat(edited.get("tags")).extracting(JsonNode::asString).containsExactly("second");
        JsonNode event = kafka.awaitOne(EventTopics.POST_UPDATED, e -> e.get("postId").asLong() == id).json();
        assertThat(event.get("mentionedUserIds")).extracting(JsonNode::asLong).containsExactly(other.id());
        assertThat(event.get("tags")).extracting(JsonNode::asString).containsExactly("second");
        assertThat(tagged("first", ada)).isEmpty();
        assertThat(tagged("second", ada)).containsExactly(id);
    }

    @Test
    void aCommentsMentionsAreThoseWhoMaySeeThePost() {
        long post = TestUsers.post(api, ada, "Open thread");
        JsonNode comment = api.post("/api/posts/" + post + "/comments", ApiClient.json(Map.of("content",
                "@" + ada.username() + " @" + stranger.username() + " look")), follower.auth()).json();
        assertThat(comment.get("mentions")).hasSize(2);
        long commentId = comment.get("id").asLong();
        JsonNode event = kafka.awaitOne(EventTopics.COMMENT_CREATED, e -> e.get("commentId").asLong() == commentId).json();
        assertThat(event.get("mentionedUserIds")).extracting(JsonNode::asLong).containsExactly(ada.id());
        JsonNode listed = api.get("/api/posts/" + post + "/comments", ada.auth()).json().get("items").get(0);
        assertThat(listed.get("mentions")).extracting(user -> user.get("id").asLong())
                .containsExactly(ada.id(), stranger.id());
    }

    @Test
    void aTagsPageHoldsOnlyWhatTheCallerMaySeeNewestFirstInKeysetPages() {
        String tag = "t" + follower.username().replace(".", "_");
        long first = TestUsers.post(api, ada, "one #" + tag);
        long second = TestUsers.post(api, ada, "two #" + tag.toUpperCase());
        long strangers = TestUsers.post(api, stranger, "mine #" + tag);
        long third = TestUsers.post(api, follower, "three #" + tag);

        assertThat(tagged(tag, follower)).containsExactly(third, second, first);
        assertThat(tagged(tag, stranger)).containsExactly(strangers);
        assertThat(tagged("#" + tag.toUpperCase(), follower)).as("compared as tags are").containsExactly(third, second, first);

        ApiClient.Response page = api.get("/api/tags/" + tag + "/posts?limit=2", follower.auth());
        assertThat(page.json().get("items")).extracting(p -> p.get("id").asLong()).containsExactly(third, second);
        String cursor = page.json().get("nextCursor").asString();
        assertThat(page.header("Link")).contains("rel=\"next\"");
        // A post written meanwhile never makes the next page repeat or skip one.
        TestUsers.post(api, ada, "four #" + tag);
        ApiClient.Response next = api.get("/api/tags/" + tag + "/posts?limit=2&cursor=" + cursor, follower.auth());
        assertThat(next.json().get("items")).extracting(p -> p.get("id").asLong()).containsExactly(first);
        assertThat(next.json().get("nextCursor").isNull()).isTrue();

        // Deleted posts leave the tag.
        api.send("DELETE", "/api/posts/" + second, null, null, ada.auth());
        assertThat(tagged(tag, ada)).doesNotContain(second);
    }

    @Test
    void aMalformedTagOrPageIs400() {
        for (String bad : List.of("1abc", "a%20b", "a".repeat(51), "%23", "a-b")) {
            assertProblem(api.get("/api/tags/" + bad + "/posts", ada.auth()), 400);
        }
        assertProblem(api.get("/api/tags/fine/posts?limit=0", ada.auth()), 400);
        assertProblem(api.get("/api/tags/fine/posts?cursor=garbage", ada.auth()), 400);
        assertThat(api.get("/api/tags/" + URLEncoder.encode("東京", StandardCharsets.UTF_8) + "/posts", ada.auth()).status())
                .isEqualTo(200);
    }

    private List<Long> tagged(String tag, LoggedIn viewer) {
        JsonNode answer = api.get("/api/tags/" + URLEncoder.encode(tag, StandardCharsets.UTF_8) + "/posts?limit=100",
                viewer.auth()).json();
        return answer.get("items").valueStream().map(p -> p.get("id").asLong()).toList();
    }
}
