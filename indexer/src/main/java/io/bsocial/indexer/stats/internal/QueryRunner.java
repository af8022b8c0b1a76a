package io.bsocial.indexer.stats.internal;

import java.io.IOException;
import java.util.Map;

import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.springframework.stereotype.Component;

import io.bsocial.indexer.opensearch.OpenSearchProperties;
import io.bsocial.indexer.stats.QueryFiles;
import io.bsocial.shared.events.EventJson;
import tools.jackson.databind.JsonNode;

/** Runs a query file, exactly as stored, against the event indices and answers the raw response. */
@Component
class QueryRunner {

    private final OpenSearchClient client;
    private final QueryFiles files;
    private final OpenSearchProperties properties;

    QueryRunner(OpenSearchClient client, QueryFiles files, OpenSearchProperties properties) {
        this.client = client;
        this.files = files;
        this.properties = properties;
    }

    public JsonNode run(String query, Map<String, String> parameters) {
        return run(query, parameters, properties.searchPattern());
    }

    /** Runs against another index pattern (tests use one index each). */
    public JsonNode run(String query, Map<String, String> parameters, String indexPattern) {
        String body = files.render(query, parameters);
        try (Response response = client.generic().execute(Requests.builder().method("POST")
                .endpoint("/" + indexPattern + "/_search").json(body).build())) {
            String answer = response.getBody().map(Body::bodyAsString).orElse("");
            if (response.getStatus() >= 300) {
                throw new SearchUnavailableException("the search answered HTTP " + response.getStatus() + ": " + answer);
            }
            return EventJson.tree(answer);
        } catch (IOException unreachable) {
            throw new SearchUnavailableException("OpenSearch is not reachable: " + unreachable);
        }
    }
}
