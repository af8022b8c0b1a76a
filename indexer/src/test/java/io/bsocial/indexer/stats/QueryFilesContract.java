package io.bsocial.indexer.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.core.io.DefaultResourceLoader;

import io.bsocial.indexer.support.SearchHttp;
import io.bsocial.indexer.support.SeedData;
import io.bsocial.shared.events.Actor;
import io.bsocial.shared.events.PostCreated;
import io.bsocial.shared.events.PostUpdated;
import tools.jackson.databind.JsonNode;

/**
 * The files of {@code queries/}, exactly as stored, against a real search node holding
 * seeded events: each answer must be exact. Subclasses pick the engine; the files must give the
 * same answers on OpenSearch and on Elasticsearch. Edits and deletions are seeded as the indexer
 * leaves them (the ingest tests prove it does): the queries must not count what remains of them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class QueryFilesContract {

    private final QueryFiles files = new QueryFiles(new DefaultResourceLoader(), new QueriesProperties("classpath:queries/"));
    private SearchHttp search;
    private SeedData seed;
    private String index;
    private String neverEdited;
    private String neverDeleted;

    abstract String nodeUrl();

    @BeforeAll
    void seed() throws Exception {
        search = new SearchHttp(nodeUrl());
        index = "bsocial-events-queries-" + getClass().getSimpleName().toLowerCase();
        neverEdited = index + "-never-edited";
        neverDeleted = index + "-never-deleted";
        search.installTemplate();
        seed = new SeedData(Clock.systemUTC());
        seedIndex(index, seed.documents());
        seedIndex(neverEdited, seed.documentsNeverEdited());
        seedIndex(neverDeleted, seed.documentsNeverDeleted());
    }

    private void seedIndex(String name, List<Map<String, Object>> documents) {
        search.deleteIndex(name);
        search.index(name, documents);
    }

    @Test
    void loginsPerDayCountsDistinctUsersPerUtcDayInTheWindowOldestFirst() {
        JsonNode answer = run("logins-per-day", Map.of("days", "7"));

        List<Map<String, Object>> days = new ArrayList<>();
        for (JsonNode bucket : answer.path("aggregations").path("per_day").path("buckets")) {
            Map<String, Object> day = new LinkedHashMap<>();
            day.put("date", bucket.path("key_as_string").asString());
            day.put("users", bucket.path("users").path("value").asInt());
            days.add(day);
        }
        assertThat(days).isEqualTo(seed.expectedLogins7());
    }

    @Test
    void aOneDayWindowIsToday() {
        JsonNode buckets = run("logins-per-day", Map.of("days", "1")).path("aggregations").path("per_day").path("buckets");
        assertThat(buckets).hasSize(1);
        assertThat(buckets.get(0).path("key_as_string").asString()).isEqualTo(seed.day(0));
        assertThat(buckets.get(0).path("users").path("value").asInt()).isEqualTo(3);
    }

    @Test
    void topPostsPerDayGivesTenDaysWithTheTenMostCommentedPostsEach() {
        JsonNode answer = run("top-posts-per-day", Map.of());

        Map<String, List<long[]>> expected = seed.expectedTopPosts();
        JsonNode buckets = answer.path("aggregations").path("per_day").path("buckets");
        assertThat(buckets).hasSize(10);
        List<String> dates = new ArrayList<>();
        for (JsonNode day : buckets) {
            String date = day.path("key_as_string").asString();
            dates.add(date);
            List<String> posts = new ArrayList<>();
            for (JsonNode post : day.path("top_posts").path("buckets")) {
                posts.add(post.path("key").asString() + "=" + post.path("doc_count").asLong());
            }
            List<String> wanted = expected.get(date).stream().map(p -> p[0] + "=" + p[1]).toList();
            assertThat(posts).as(date).isEqualTo(wanted);
        }
        assertThat(dates).containsExactlyElementsOf(expected.keySet());
    }

    @Test
    void topAndWorstPostOfAUserCountAllTimeCommentsAndZeroCommentPosts() {
        assertTopAndWorst(7, "203=5", "202=0");
        assertTopAndWorst(8, "301=6", "301=6");
        assertTopAndWorst(11, "401=1", "401=1");
    }

    @Test
    void aUserWithoutPostsHasNeitherTopNorWorst() {
        JsonNode answer = run("user-top-and-worst-post", Map.of("userId", "10"));
        assertThat(answer.path("aggregations").path("top").path("buckets")).isEmpty();
        assertThat(answer.path("aggregations").path("worst").path("buckets")).isEmpty();
    }

    @Test
    void aDeletedPostIsNeverTheTopOrTheWorstPost() {
        // With its three comments the deleted first post would be the top, the deleted last one
        // (no comment) the worst; their deletion documents name the author as userId and postAuthorId.
        assertTopAndWorst(seed.story.author, seed.story.top + "=2", seed.story.worst + "=1");
    }

    @Test
    void aDeletedCommentNoLongerCountsForItsPostsDay() {
        List<String> posts = new ArrayList<>();
        for (JsonNode day : run("top-posts-per-day", Map.of()).path("aggregations").path("per_day").path("buckets")) {
            if (day.path("key_as_string").asString().equals(seed.day(5))) {
                day.path("top_posts").path("buckets").forEach(post ->
                        posts.add(post.path("key").asString() + "=" + post.path("doc_count").asLong()));
            }
        }
        assertThat(posts).containsExactly(seed.story.worst + "=1");
    }

    @Test
    void trendingTagsAreTheTenCarriedByTheMostPostsOfTheLastHoursWithTheirAuthors() {
        assertThat(trending(index, "24")).isEqualTo(expected(seed.trending.expected24()));
        assertThat(trending(index, "48")).as("posts of 25 and 30 hours ago count in 48 hours")
                .isEqualTo(expected(seed.trending.expected48()));
    }

    @Test
    void aTagOneAuthorSpamsCountsItsPostsButOneAuthor() {
        assertThat(trending(index, "24")).startsWith("spam=5/1");
    }

    @Test
    void aDeletedPostsTagsDoNotCount() {
        // Three posts by three authors were tagged kafka; the third was deleted (the indexer erased it).
        assertThat(trending(index, "24")).contains("kafka=2/2");
        String asWritten = index + "-trending-as-written";
        List<Map<String, Object>> withDeleted = new ArrayList<>(seed.documents());
        seed.trending.erased().forEach(event -> withDeleted.add(SeedData.document(event)));
        seedIndex(asWritten, withDeleted);
        assertThat(trending(asWritten, "24")).as("what the erasure prevents").contains("kafka=3/3");
    }

    @Test
    void anEditedPostCountsOnceWithTheTagsItNowCarries() {
        assertThat(trending(index, "24")).contains("rust=3/3", "wasm=1/1")
                .noneMatch(tag -> tag.startsWith("draft=") || tag.startsWith("wip="));
    }

    @Test
    void noPostInTheWindowNoTags() {
        assertThat(trending(index, "1")).isEmpty();
    }

    /**
     * The documented limit of the file (queries/README.md): an edit carries no creation time, so a
     * post written before the window and edited inside it counts with its new tags.
     */
    @Test
    void anOlderPostEditedInsideTheWindowCountsWithItsNewTags() {
        String edited = index + "-trending-old-edit";
        Instant now = Instant.now();
        Actor author = new Actor(68, "user68", "user68@example.com");
        seedIndex(edited, List.of(
                SeedData.document(PostCreated.of(author, 930, "#legacy", List.of("legacy"), List.of(),
                        now.minus(Duration.ofHours(40)))),
                SeedData.document(PostUpdated.of(author, 930, "#legacy #revived", List.of("legacy", "revived"), List.of(),
                        now.minus(Duration.ofHours(2))))));
        assertThat(trending(edited, "24")).containsExactly("legacy=1/1", "revived=1/1");
    }

    @Test
    void everyAnswerIsTheSameAsIfTheDeletedPostsAndCommentHadNeverExisted() {
        assertSameAnswers(neverDeleted);
    }

    @Test
    void anEditChangesNoAnswer() {
        assertSameAnswers(neverEdited);
    }

    /** Every query, for the story's author and reader and for an unrelated user, answers alike. */
    private void assertSameAnswers(String other) {
        List<Map.Entry<String, Map<String, String>>> queries = List.of(
                Map.entry("logins-per-day", Map.of("days", "7")),
                Map.entry("top-posts-per-day", Map.of()),
                Map.entry("user-top-and-worst-post", Map.of("userId", String.valueOf(seed.story.author))),
                Map.entry("user-top-and-worst-post", Map.of("userId", String.valueOf(seed.story.author + 1))),
                Map.entry("user-top-and-worst-post", Map.of("userId", "7")));
        for (var query : queries) {
            String body = files.render(query.getKey(), query.getValue());
            assertThat(search.search(index, body).path("aggregations")).as(query.toString())
                    .isEqualTo(search.search(other, body).path("aggregations"));
        }
    }

    /** The trending-tags answer as "tag=posts/authors", in its order. */
    private List<String> trending(String on, String hours) {
        List<String> tags = new ArrayList<>();
        for (JsonNode tag : search.search(on, files.render("trending-tags", Map.of("hours", hours)))
                .path("aggregations").path("posts").path("tags").path("buckets")) {
            tags.add(tag.path("key").asString() + "=" + tag.path("doc_count").asLong() + "/"
                    + tag.path("authors").path("value").asLong());
        }
        return tags;
    }

    private static List<String> expected(List<Object[]> tags) {
        return tags.stream().map(tag -> tag[0] + "=" + tag[1] + "/" + tag[2]).toList();
    }

    private void assertTopAndWorst(long user, String top, String worst) {
        JsonNode answer = run("user-top-and-worst-post", Map.of("userId", String.valueOf(user)));
        assertThat(first(answer, "top")).as("top of " + user).isEqualTo(top);
        assertThat(first(answer, "worst")).as("worst of " + user).isEqualTo(worst);
    }

    private static String first(JsonNode answer, String aggregation) {
        JsonNode bucket = answer.path("aggregations").path(aggregation).path("buckets").get(0);
        return bucket.path("key").asString() + "=" + bucket.path("comments").path("doc_count").asLong();
    }

    private JsonNode run(String query, Map<String, String> parameters) {
        return search.search(index, files.render(query, parameters));
    }
}
