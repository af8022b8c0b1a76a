package io.bsocial.indexer.opensearch.internal;

import org.opensearch.client.opensearch.OpenSearchClient;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/** DOWN while the OpenSearch node cannot be reached: events then wait in Kafka. */
@Component("opensearch")
class OpenSearchHealth extends AbstractHealthIndicator {

    private final OpenSearchClient client;

    OpenSearchHealth(OpenSearchClient client) {
        super("OpenSearch is not reachable");
        this.client = client;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        var health = client.cluster().health();
        builder.up().withDetail("cluster", health.clusterName()).withDetail("status", health.status().jsonValue());
    }
}
