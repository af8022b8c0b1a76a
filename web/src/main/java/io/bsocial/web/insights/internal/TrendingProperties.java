package io.bsocial.web.insights.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The trending tags web shows: over the last {@code hours}, asked of the indexer at most once per
 * {@code cache} (the feed page shows them on every render).
 */
@ConfigurationProperties("bsocial.trending")
public record TrendingProperties(
        @DefaultValue("24") int hours,
        @DefaultValue("60s") Duration cache) {
}
