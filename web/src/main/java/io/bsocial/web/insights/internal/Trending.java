package io.bsocial.web.insights.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

import io.bsocial.shared.stats.StatsAnswers.TrendingTags;
import io.bsocial.web.insights.TrendingBox;
import io.bsocial.web.insights.TrendingTag;

/**
 * The tags trending now, as pages may show them: only a tag at least {@link #MIN_AUTHORS} people
 * used, so that a trending list never points at one person's posts. The indexer's answer (or its
 * absence) is kept for {@code bsocial.trending.cache}: {@link #now()} asks again once it is older.
 * The feed draws its box from {@link #lastKnown()}, which never waits: past the period it answers
 * the last answer still and asks for a new one on a thread of its own, one question at a time.
 */
@Component
class Trending implements TrendingBox {

    /** The contract's rule: fewer authors than this and the tag is not shown anywhere. */
    static final int MIN_AUTHORS = 3;
    private static final Logger log = LoggerFactory.getLogger(Trending.class);

    private record Answer(Optional<List<TrendingTag>> tags, Instant until) {
    }

    private final StatsClient stats;
    private final TrendingProperties properties;
    private final Clock clock;
    /** Asks the indexer for {@link #lastKnown()}: one thread at most; a question while one runs is dropped. */
    private final ThreadPoolExecutor asker = new ThreadPoolExecutor(0, 1, 30, TimeUnit.SECONDS,
            new SynchronousQueue<>(), runnable -> {
                Thread thread = new Thread(runnable, "trending-tags");
                thread.setDaemon(true);
                return thread;
            }, new ThreadPoolExecutor.DiscardPolicy());
    private volatile Answer answer;

    Trending(StatsClient stats, TrendingProperties properties, Clock clock) {
        this.stats = stats;
        this.properties = properties;
        this.clock = clock;
    }

    @PreDestroy
    void stop() {
        asker.shutdownNow();
    }

    @Override
    public Optional<List<TrendingTag>> lastKnown() {
        Answer current = answer;
        if (current == null || !clock.instant().isBefore(current.until())) {
            asker.execute(this::refresh);
        }
        if (current == null) {
            return Optional.empty();
        }
        List<TrendingTag> tags = current.tags().orElse(List.of());
        return Optional.of(tags.subList(0, Math.min(SIZE, tags.size())));
    }

    /** On the asker's thread: an answer web cannot read leaves the last one, and the next page asks again. */
    private void refresh() {
        try {
            now();
        } catch (RuntimeException unreadable) {
            log.warn("trending tags not refreshed: {}", unreadable.toString());
        }
    }

    /** The trending tags, most posts first; empty when the indexer cannot say. */
    Optional<List<TrendingTag>> now() {
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

    private Optional<List<TrendingTag>> ask() {
        try {
            return Optional.of(shown(stats.trendingTags(properties.hours())));
        } catch (InsightsUnavailableException unavailable) {
            log.warn("trending tags unavailable: {}", String.valueOf(unavailable.getCause()));
            return Optional.empty();
        }
    }

    static List<TrendingTag> shown(TrendingTags answer) {
        if (answer == null || answer.tags() == null) {
            return List.of();
        }
        return answer.tags().stream().filter(tag -> tag.authors() >= MIN_AUTHORS)
                .map(tag -> new TrendingTag(tag.tag(), tag.posts(), tag.authors(), url(tag.tag()))).toList();
    }

    static String url(String tag) {
        return "/tags/" + UriUtils.encodePathSegment(tag, StandardCharsets.UTF_8);
    }
}
