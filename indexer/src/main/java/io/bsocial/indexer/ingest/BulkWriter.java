package io.bsocial.indexer.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.springframework.stereotype.Component;

import io.bsocial.indexer.opensearch.EventIndex;
import io.bsocial.indexer.opensearch.OpenSearchProperties;
import io.bsocial.shared.events.EventJson;
import tools.jackson.databind.JsonNode;

/**
 * Writes documents in one {@code _bulk} request, each event's JSON sent as it came from Kafka (no
 * re-serialisation: the indexer spends its time moving bytes, not mapping objects). Documents
 * OpenSearch refuses for what they are (a 4xx per item: a field the mapping does not know, a date
 * that is not one) are answered back; any other failure — the node away, overloaded, a 5xx or
 * 429 — is thrown, so that the whole batch is retried and nothing is skipped.
 */
@Component
class BulkWriter {

    private final OpenSearchClient client;
    private final EventIndex index;
    private final OpenSearchProperties properties;

    BulkWriter(OpenSearchClient client, EventIndex index, OpenSearchProperties properties) {
        this.client = client;
        this.index = index;
        this.properties = properties;
    }

    /** Writes the documents; answers those OpenSearch refused for what they are, with its reason. */
    List<Unindexable> write(List<EventDocument> documents) throws IOException {
        index.ensureInstalled();
        String action = "{\"index\":{\"_index\":" + EventJson.mapper().writeValueAsString(properties.index()) + ",\"_id\":";
        StringBuilder bulk = new StringBuilder(documents.size() * 512);
        for (EventDocument document : documents) {
            bulk.append(action).append(EventJson.mapper().writeValueAsString(document.id())).append("}}\n")
                    .append(document.json()).append('\n');
        }
        JsonNode answer;
        try (Response response = client.generic().execute(Requests.builder().method("POST").endpoint("/_bulk")
                .body(Body.from(bulk.toString().getBytes(StandardCharsets.UTF_8), "application/x-ndjson"))
                .build())) {
            if (response.getStatus() != 200) {
                throw new IOException("OpenSearch refused the bulk request: HTTP " + response.getStatus());
            }
            answer = EventJson.tree(response.getBody().map(Body::bodyAsString).orElse("{}"));
        }
        List<Unindexable> rejected = new ArrayList<>();
        if (!answer.path("errors").asBoolean()) {
            return rejected;
        }
        JsonNode items = answer.path("items");
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i).path("index");
            if (!item.has("error")) {
                continue;
            }
            int status = item.path("status").asInt();
            if (status == 429 || status >= 500) {
                throw new IOException("OpenSearch could not take the batch now: HTTP " + status);
            }
            rejected.add(new Unindexable(documents.get(i).record(), "rejected by OpenSearch (HTTP " + status + "): "
                    + item.path("error").path("type").asString() + ": " + item.path("error").path("reason").asString()));
        }
        return rejected;
    }
}
