package io.bsocial.web.insights.internal;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where web asks the indexer's stats API (server to server: env {@code BSOCIAL_INDEXER_URL}). */
@ConfigurationProperties("bsocial.indexer")
public record IndexerProperties(
        @DefaultValue("http://localhost:8082") URI url,
        @DefaultValue("5s") Duration timeout) {
}
