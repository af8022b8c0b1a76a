package io.bsocial.indexer.opensearch;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The OpenSearch node ({@code bsocial.opensearch.url}, env {@code BSOCIAL_OPENSEARCH_URL}), the
 * index events are written to, and the pattern the stored queries search.
 */
@ConfigurationProperties("bsocial.opensearch")
public record OpenSearchProperties(
        @DefaultValue("http://localhost:9200") URI url,
        @DefaultValue("bsocial-events") String index,
        @DefaultValue("bsocial-events*") String searchPattern) {
}
