package io.bsocial.indexer.stats;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where the query files are read from: the copy packaged into the jar, or e.g. {@code file:./queries/}. */
@ConfigurationProperties("bsocial.queries")
public record QueriesProperties(@DefaultValue("classpath:queries/") String location) {
}
