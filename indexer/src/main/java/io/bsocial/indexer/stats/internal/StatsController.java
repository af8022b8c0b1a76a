package io.bsocial.indexer.stats.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import io.bsocial.shared.stats.StatsAnswers.LoginsPerDay;
import io.bsocial.shared.stats.StatsAnswers.PostComments;
import io.bsocial.shared.stats.StatsAnswers.TopAndWorst;
import io.bsocial.shared.stats.StatsAnswers.TopPostsPerDay;
import io.bsocial.shared.stats.StatsAnswers.TrendingTags;
import tools.jackson.databind.JsonNode;

/**
 * The stats API: runs the query files of {@code queries/} (nothing of the queries is written here)
 * and turns their answers into the contract's JSON.
 */
@RestController
class StatsController {

    static final int MAX_DAYS = 366;
    /** Trending looks back at most 30 days. */
    static final int MAX_HOURS = 720;

    private final QueryRunner queries;

    StatsController(QueryRunner queries) {
        this.queries = queries;
    }

    @GetMapping("/api/stats/logins-per-day")
    LoginsPerDay loginsPerDay(@RequestParam(defaultValue = "7") String days) {
        int count = wholeNumber(days, "days", 1, MAX_DAYS);
        JsonNode answer = queries.run("logins-per-day", Map.of("days", String.valueOf(count)));
        List<LoginsPerDay.Day> result = new ArrayList<>();
        for (JsonNode bucket : answer.path("aggregations").path("per_day").path("buckets")) {
            result.add(new LoginsPerDay.Day(bucket.path("key_as_string").asString(),
                    bucket.path("users").path("value").asLong()));
        }
        return new LoginsPerDay(result);
    }

    @GetMapping("/api/stats/top-posts-per-day")
    TopPostsPerDay topPostsPerDay() {
        JsonNode answer = queries.run("top-posts-per-day", Map.of());
        List<TopPostsPerDay.Day> result = new ArrayList<>();
        for (JsonNode day : answer.path("aggregations").path("per_day").path("buckets")) {
            List<PostComments> posts = new ArrayList<>();
            for (JsonNode post : day.path("top_posts").path("buckets")) {
                posts.add(new PostComments(Long.parseLong(post.path("key").asString()), post.path("doc_count").asLong()));
            }
            result.add(new TopPostsPerDay.Day(day.path("key_as_string").asString(), posts));
        }
        return new TopPostsPerDay(result);
    }

    @GetMapping("/api/stats/users/{userId}/top-and-worst-post")
    TopAndWorst topAndWorst(@PathVariable String userId) {
        long user = wholeNumber(userId, "userId", 1, Long.MAX_VALUE);
        JsonNode answer = queries.run("user-top-and-worst-post", Map.of("userId", String.valueOf(user)));
        return new TopAndWorst(first(answer, "top"), first(answer, "worst"));
    }

    @GetMapping("/api/stats/trending-tags")
    TrendingTags trendingTags(@RequestParam(defaultValue = "24") String hours) {
        int window = wholeNumber(hours, "hours", 1, MAX_HOURS);
        JsonNode answer = queries.run("trending-tags", Map.of("hours", String.valueOf(window)));
        List<TrendingTags.Tag> tags = new ArrayList<>();
        for (JsonNode tag : answer.path("aggregations").path("posts").path("tags").path("buckets")) {
            tags.add(new TrendingTags.Tag(tag.path("key").asString(), tag.path("doc_count").asLong(),
                    tag.path("authors").path("value").asLong()));
        }
        return new TrendingTags(tags);
    }

    private static PostComments first(JsonNode answer, String aggregation) {
        JsonNode buckets = answer.path("aggregations").path(aggregation).path("buckets");
        if (buckets.isEmpty()) {
            return null;
        }
        JsonNode post = buckets.get(0);
        return new PostComments(Long.parseLong(post.path("key").asString()), post.path("comments").path("doc_count").asLong());
    }

    private static long wholeNumber(String value, String name, long min, long max) {
        try {
            long number = Long.parseLong(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                name + " must be a whole number from " + min + (max == Long.MAX_VALUE ? " up" : " to " + max) + ".");
    }

    private static int wholeNumber(String value, String name, int min, int max) {
        return (int) wholeNumber(value, name, (long) min, (long) max);
    }
}
