package io.bsocial.indexer.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.bsocial.indexer.support.SearchHttp;
import io.bsocial.indexer.support.IndexerHttp;
import io.bsocial.indexer.support.SearchNodes;
import io.bsocial.indexer.support.SeedData;
import io.bsocial.shared.events.EventJson;
import tools.jackson.databind.JsonNode;

/** The stats API over seeded events: the contract's JSON, exact; bad parameters answer 400. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "spring.kafka.consumer.group-id=indexer-stats-test",
        // Events other tests publish go elsewhere; the stats read only the seeded index.
        "bsocial.opensearch.index=bsocial-events-stats-sink",
        "bsocial.opensearch.search-pattern=bsocial-events-stats-test"})
@ExtendWith(SearchNodes.class)
class StatsApiTest {

    static final String INDEX = "bsocial-events-stats-test";
    static SeedData seed;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void openSearch(DynamicPropertyRegistry registry) {
        registry.add("bsocial.opensearch.url", () -> SearchNodes.opensearch().url());
    }

    @BeforeAll
    static void seed() throws IOException {
        SearchHttp search = new SearchHttp(SearchNodes.opensearch().url());
        search.deleteIndex(INDEX);
        search.installTemplate();
        seed = new SeedData(Clock.systemUTC());
        search.index(INDEX, seed.documents());
    }

    @Test
    void loginsPerDay() {
        HttpResponse<String> response = IndexerHttp.get(port, "/api/stats/logins-per-day?days=7");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(EventJson.tree(response.body())).isEqualTo(json(Map.of("days", seed.expectedLogins7())));
    }

    @Test
    void topPostsPerDay() {
        List<Map<String, Object>> days = new ArrayList<>();
        seed.expectedTopPosts().forEach((date, posts) -> {
            Map<String, Object> day = new LinkedHashMap<>();
            day.put("date", date);
            day.put("posts", posts.stream().map(p -> Map.of("postId", p[0], "comments", p[1])).toList());
            days.add(day);
        });
        HttpResponse<String> response = IndexerHttp.get(port, "/api/stats/top-posts-per-day");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(EventJson.tree(response.body())).isEqualTo(json(Map.of("days", days)));
    }

    @Test
    void topAndWorstPostOfAUser() {
        assertThat(EventJson.tree(IndexerHttp.get(port, "/api/stats/users/7/top-and-worst-post").body())).isEqualTo(EventJson.tree(
                "{\"top\":{\"postId\":203,\"comments\":5},\"worst\":{\"postId\":202,\"comments\":0}}"));
        assertThat(EventJson.tree(IndexerHttp.get(port, "/api/stats/users/10/top-and-worst-post").body()))
                .isEqualTo(EventJson.tree("{\"top\":null,\"worst\":null}"));
    }

    @Test
    void trendingTags() {
        assertThat(EventJson.tree(IndexerHttp.get(port, "/api/stats/trending-tags?hours=24").body()))
                .isEqualTo(trending(seed.trending.expected24()));
        assertThat(EventJson.tree(IndexerHttp.get(port, "/api/stats/trending-tags").body())).as("24 hours by default")
                .isEqualTo(trending(seed.trending.expected24()));
        assertThat(EventJson.tree(IndexerHttp.get(port, "/api/stats/trending-tags?hours=48").body()))
                .isEqualTo(trending(seed.trending.expected48()));
        HttpResponse<String> quiet = IndexerHttp.get(port, "/api/stats/trending-tags?hours=1");
        assertThat(quiet.statusCode()).isEqualTo(200);
        assertThat(EventJson.tree(quiet.body())).isEqualTo(EventJson.tree("{\"tags\":[]}"));
    }

    private static JsonNode trending(List<Object[]> tags) {
        return json(Map.of("tags", tags.stream().map(tag -> Map.of("tag", tag[0], "posts", tag[1], "authors", tag[2]))
                .toList()));
    }

    @Test
    void badParametersAnswer400Problems() {
        for (String path : List.of("/api/stats/logins-per-day?days=0", "/api/stats/logins-per-day?days=367",
                "/api/stats/logins-per-day?days=week", "/api/stats/users/abc/top-and-worst-post",
                "/api/stats/users/-4/top-and-worst-post", "/api/stats/trending-tags?hours=0",
                "/api/stats/trending-tags?hours=721", "/api/stats/trending-tags?hours=day",
                "/api/stats/trending-tags?hours=1.5")) {
            HttpResponse<String> response = IndexerHttp.get(port, path);
            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            JsonNode problem = EventJson.tree(response.body());
            assertThat(problem.path("status").asInt()).isEqualTo(400);
            assertThat(problem.path("detail").asString()).isNotBlank();
            assertThat(response.body()).doesNotContain("Exception").doesNotContain("java.");
        }
        HttpResponse<String> unknown = IndexerHttp.get(port, "/api/stats/nothing");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    /** As the API would write it: numbers compare by value, not by Java type. */
    private static JsonNode json(Object value) {
        return EventJson.tree(EventJson.mapper().writeValueAsString(value));
    }

}
