package io.bsocial.web.insights.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import io.bsocial.web.WebAppTest;
import io.bsocial.web.support.ApiClient;
import io.bsocial.web.support.TestUsers;
import io.bsocial.web.support.TestUsers.LoggedIn;

/**
 * What web makes of the indexer's answers. The indexer is played by a stub that answers exactly
 * the contract's stats JSON (the indexer's own tests prove it answers that); the real chain runs
 * in the end-to-end journey.
 */
@WebAppTest
class InsightsDataTest {

    static final Map<String, String> ANSWERS = new java.util.concurrent.ConcurrentHashMap<>();
    static HttpServer indexer = startIndexerStub();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void indexer(DynamicPropertyRegistry registry) {
        registry.add("bsocial.indexer.url", () -> "http://localhost:" + indexer.getAddress().getPort());
        // Every question reaches the stub here; TrendingTest checks the cache.
        registry.add("bsocial.trending.cache", () -> "0s");
    }

    @AfterAll
    static void stop() {
        indexer.stop(0);
    }

    @Test
    void chartsBothSeriesOverTheSameDaysAndNamesOnlyPostsTheViewerMayOpen() {
        ApiClient api = new ApiClient(port);
        LoggedIn viewer = TestUsers.create(api, "insight");
        LoggedIn followed = TestUsers.create(api, "followed");
        LoggedIn stranger = TestUsers.create(api, "stranger");
        TestUsers.follow(api, viewer, followed);
        long visible = TestUsers.post(api, followed, "visible to the viewer, and long enough that only its opening words"
                + " are shown on the Insights page, which names it by them");
        long hidden = TestUsers.post(api, stranger, "not for the viewer");
        long mine = TestUsers.post(api, viewer, "my <b>best</b> post");
        ANSWERS.put("/api/stats/logins-per-day", "{\"days\":[{\"date\":\"2026-11-28\",\"users\":2},{\"date\":\"2026-11-29\",\"users\":5}]}");
        ANSWERS.put("/api/stats/top-posts-per-day", "{\"days\":[{\"date\":\"2026-11-29\",\"posts\":[{\"postId\":" + hidden
                + ",\"comments\":4},{\"postId\":" + visible + ",\"comments\":2}]}]}");
        ANSWERS.put("/api/stats/users/" + viewer.id() + "/top-and-worst-post",
                "{\"top\":{\"postId\":" + mine + ",\"comments\":3},\"worst\":{\"postId\":" + mine + ",\"comments\":3}}");

        ANSWERS.put("/api/stats/trending-tags", TRENDING);

        var response = api.get("/insights/data", viewer.auth());

        assertThat(response.status()).isEqualTo(200);
        JsonNode data = response.json();
        assertThat(data.get("trending").valueStream().map(tag -> tag.get("tag").asString() + "="
                + tag.get("posts").asLong() + "/" + tag.get("authors").asLong() + " " + tag.get("url").asString()))
                .as("only tags at least three people used").containsExactly("java=4/3 /tags/java", "rust=3/4 /tags/rust");
        // The days either answer names, in order, for both series; a day one of them lacks counts zero.
        assertThat(data.get("logins").valueStream().map(day -> day.get("date").asString()))
                .containsExactly("2026-11-28", "2026-11-29");
        assertThat(data.get("topPosts").valueStream().map(day -> day.get("date").asString()))
                .containsExactly("2026-11-28", "2026-11-29");
        assertThat(data.get("logins").valueStream().map(day -> day.get("label").asString()))
                .containsExactly("Nov 28", "Nov 29");
        assertThat(data.get("topPosts").get(1).get("label").asString()).isEqualTo("Nov 29");
        assertThat(data.get("logins").get(1).get("users").asLong()).isEqualTo(5);
        assertThat(data.get("topPosts").get(0).get("posts")).isEmpty();
        JsonNode posts = data.get("topPosts").get(1).get("posts");
        assertThat(posts).as("nothing of a post the viewer may not see").hasSize(1);
        assertThat(data.get("topPosts").get(1).get("hidden").asInt()).isEqualTo(1);
        assertThat(response.body()).doesNotContain("\"postId\":" + hidden + ",");
        assertThat(posts.get(0).get("postId").asLong()).isEqualTo(visible);
        assertThat(posts.get(0).get("comments").asLong()).isEqualTo(2);
        assertThat(posts.get(0).get("url").asString()).isEqualTo("/posts/" + visible);
        assertThat(posts.get(0).get("excerpt").asString())
                .isEqualTo("visible to the viewer, and long enough that only its opening words are shown on…");
        assertThat(data.get("top").get("excerpt").asString()).isEqualTo("my <b>best</b> post");
        assertThat(data.get("top").get("comments").asLong()).isEqualTo(3);
        assertThat(api.get("/insights", viewer.auth()).body()).contains("logins-chart")
                .containsPattern("chart\\.umd\\.min-[0-9a-f]{32}\\.js");
    }

    /** Two people, one of whom may not see the other's top posts: they are not in the answer, by id or count. */
    @Test
    void theTopPostsOfSomeoneTheViewerDoesNotFollowAreNeitherNamedNorCounted() {
        ApiClient api = new ApiClient(port);
        LoggedIn writer = TestUsers.create(api, "popular");
        LoggedIn reader = TestUsers.create(api, "outsider");
        long first = TestUsers.post(api, writer, "the day's most commented post");
        long second = TestUsers.post(api, writer, "the runner-up");
        ANSWERS.put("/api/stats/logins-per-day", "{\"days\":[{\"date\":\"2026-11-29\",\"users\":2}]}");
        ANSWERS.put("/api/stats/top-posts-per-day", "{\"days\":[{\"date\":\"2026-11-29\",\"posts\":[{\"postId\":" + first
                + ",\"comments\":7331},{\"postId\":" + second + ",\"comments\":4242}]}]}");
        for (LoggedIn user : List.of(writer, reader)) {
            ANSWERS.put("/api/stats/users/" + user.id() + "/top-and-worst-post", "{\"top\":null,\"worst\":null}");
        }

        ANSWERS.remove("/api/stats/trending-tags");

        var outsider = api.get("/insights/data", reader.auth());
        assertThat(outsider.status()).isEqualTo(200);
        assertThat(outsider.json().get("trending").isNull()).as("trending alone unavailable: the rest still shows").isTrue();
        JsonNode day = outsider.json().get("topPosts").get(0);
        assertThat(day.get("posts")).isEmpty();
        assertThat(day.get("hidden").asInt()).isEqualTo(2);
        assertThat(outsider.body()).doesNotContain("\"postId\":" + first + ",", "\"postId\":" + second + ",", "7331",
                "4242");

        var own = api.get("/insights/data", writer.auth()).json().get("topPosts").get(0);
        assertThat(own.get("posts")).extracting(post -> post.get("postId").asLong()).containsExactly(first, second);
        assertThat(own.get("posts")).extracting(post -> post.get("comments").asLong()).containsExactly(7331L, 4242L);
        assertThat(own.get("hidden").asInt()).isZero();

        TestUsers.follow(api, reader, writer);
        var follower = api.get("/insights/data", reader.auth()).json().get("topPosts").get(0);
        assertThat(follower.get("posts")).extracting(post -> post.get("postId").asLong()).containsExactly(first, second);
    }

    static final String TRENDING = """
            {"tags":[{"tag":"spam","posts":9,"authors":1},{"tag":"java","posts":4,"authors":3},
             {"tag":"kafka","posts":3,"authors":2},{"tag":"rust","posts":3,"authors":4}]}""";

    @Test
    void theFeedShowsATrendingBoxOfTheTagsAtLeastThreePeopleUsed() {
        ApiClient api = new ApiClient(port);
        LoggedIn viewer = TestUsers.create(api, "trendy");
        ANSWERS.put("/api/stats/trending-tags", TRENDING);

        var box = api.get("/insights/trending", viewer.auth());
        assertThat(box.status()).isEqualTo(200);
        assertThat(box.body()).contains("id=\"trending-box\"", ">Trending</h2>", "href=\"/tags/java\"", ">#java</a>",
                "4 posts", "href=\"/tags/rust\"")
                .as("a tag one or two people used points at their posts: not shown")
                .doesNotContain("spam", "kafka");
        assertThat(box.body().indexOf("#java")).isLessThan(box.body().indexOf("#rust"));

        // Web has heard from the indexer: the feed draws the same box with the page, without asking it.
        var feed = api.get("/", viewer.auth());
        assertThat(feed.status()).isEqualTo(200);
        String drawn = feed.body().substring(feed.body().indexOf("<aside class=\"feed-trending"));
        assertThat(drawn.substring(0, drawn.indexOf("</aside>") + "</aside>".length()))
                .isEqualToIgnoringWhitespace(box.body().strip());
        assertThat(feed.body()).doesNotContain("hx-get=\"/insights/trending\"");
    }

    @Test
    void withTheIndexerAwayTheTrendingBoxIsSimplyAbsentAndTheFeedWorks() {
        ApiClient api = new ApiClient(port);
        LoggedIn viewer = TestUsers.create(api, "untrendy");
        ANSWERS.remove("/api/stats/trending-tags");

        var box = api.get("/insights/trending", viewer.auth());
        assertThat(box.status()).isEqualTo(200);
        assertThat(box.body()).isBlank();
        assertThat(api.get("/", viewer.auth()).status()).isEqualTo(200);
    }

    @Test
    void withNoTagThreePeopleUsedThereIsNoBox() {
        ApiClient api = new ApiClient(port);
        LoggedIn viewer = TestUsers.create(api, "lonely");
        ANSWERS.put("/api/stats/trending-tags", "{\"tags\":[{\"tag\":\"spam\",\"posts\":9,\"authors\":1}]}");

        assertThat(api.get("/insights/trending", viewer.auth()).body()).isBlank();
    }

    @Test
    void whenTheIndexerCannotAnswerThePageSaysSo() {
        ApiClient api = new ApiClient(port);
        LoggedIn viewer = TestUsers.create(api, "noinsight");
        ANSWERS.clear();

        var response = api.get("/insights/data", "X-Auth-Token", viewer.token(), "Accept", "application/json");
        assertThat(response.status()).isEqualTo(503);
        assertThat(response.body()).doesNotContain("Exception");
    }

    private static HttpServer startIndexerStub() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/", exchange -> {
                String answer = ANSWERS.get(exchange.getRequestURI().getPath());
                byte[] body = (answer == null ? "{\"status\":503}" : answer).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(answer == null ? 503 : 200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
