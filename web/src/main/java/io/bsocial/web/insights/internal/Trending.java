package io.bsocial.web.insights.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

import io.bsocial.shared.stats.StatsAnswers.TrendingTags;

/**
 * The tags trending now, as pages may show them: only a tag at least {@link #MIN_AUTHORS} people
 * used, so that a trending list never points at one person's posts. The indexer's answer (or its
 * absence) is kept for {@code bsocial.trending.cache}: the feed asks on every render, and a feed
 * never waits on, or fails with, the indexer more than once per period.
 */
@Component
class Trending {

    /** The contract's rule: fewer authors than this and the tag is not shown anywhere. */
    static final int MIN_AUTHORS = 3;
    private static final Logger log = LoggerFactory.getLogger(Trending.class);

    /** A tag as pages show it, with the link to its page. */
    record Tag(String tag, long posts, long authors, String url) {
    }

    private record Answer(Optional<List<Tag>> tags, Instant until) {
    }

    private final StatsClient stats;
    private final TrendingProperties properties;
    private final Clock clock;
    private volatile Answer answer;

    Trending(StatsClient stats, TrendingProperties properties, Clock clock) {
        this.stats = stats;
        this.properties = properties;
        this.clock = clock;
    }

    /** The trending tags, most posts first; empty when the indexer cannot say. */
    Optional<List<Tag>> now() {
        Answer current = answer;
        if (current != null && clock.instant().isBefore(current.until())) {
            return current.tags();
        }
        synchronized (this) {
            current = answer;
            if (current == null || !clock.instant().isBefore(current.until())) {
                current = new Answer(ask(), clock.instant().plus(properties.cache()));
                answer = current;
            }
            return current.tags();
        }
    }

    private Optional<List<Tag>> ask() {
        try {
            return Optional.of(shown(stats.trendingTags(properties.hours())));
        } catch (InsightsUnavailableException unavailable) {
            log.warn("trending tags unavailable: {}", String.valueOf(unavailable.getCause()));
            return Optional.empty();
        }
    }

    static List<Tag> shown(TrendingTags answer) {
        if (answer == null || answer.tags() == null) {
            return List.of();
        }
        return answer.tags().stream().filter(tag -> tag.authors() >= MIN_AUTHORS)
                .map(tag -> new Tag(tag.tag(), tag.posts(), tag.authors(), url(tag.tag()))).toList();
    }

    static String url(String tag) {
        return "/tags/" + UriUtils.encodePathSegment(tag, StandardCharsets.UTF_8);
    }
}
