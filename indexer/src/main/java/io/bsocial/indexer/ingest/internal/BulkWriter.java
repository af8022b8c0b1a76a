package io.bsocial.indexer.ingest.internal;

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
 * OpenSearch refuses for what they are (HTTP 400 for the item: a field the mapping does not know,
 * a date that is not one) are answered back. A request refused as a whole for what it holds (400,
 * 413) is a {@link BulkRefusedException}. Any other failure — the node away, overloaded, a 5xx,
 * 429 or a write block, an answer that cannot be read — is an {@link IOException}, so that the
 * whole batch is retried and nothing is skipped ({@link IngestFailures} decides which is which).
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

    /**
     * Writes the documents; answers those OpenSearch refused for what they are, with its reason.
     * With {@code refresh}, they are searchable when this returns.
     */
    List<Unindexable> write(List<EventDocument> documents, boolean refresh) throws IOException {
        index.ensureInstalled();
        String action = "{\"index\":{\"_index\":" + EventJson.mapper().writeValueAsString(properties.index()) + ",\"_id\":";
        StringBuilder bulk = new StringBuilder(documents.size() * 512);
        for (EventDocument document : documents) {
            bulk.append(action).append(EventJson.mapper().writeValueAsString(document.id())).append("}}\n")
                    .append(document.json()).append('\n');
        }
        JsonNode answer;
        try (Response response = client.generic().execute(Requests.builder().method("POST").endpoint(refresh ? "/_bulk?refresh=true" : "/_bulk")
                .body(Body.from(bulk.toString().getBytes(StandardCharsets.UTF_8), "application/x-ndjson"))
                .build())) {
            String body = response.getBody().map(Body::bodyAsString).orElse("{}");
            if (response.getStatus() != 200 && IngestFailures.refusesTheDocument(response.getStatus())) {
                throw new BulkRefusedException(reason(response.getStatus(), errorOf(body)));
            }
            if (response.getStatus() != 200) {
                throw new IOException("OpenSearch refused the bulk request: HTTP " + response.getStatus());
            }
            answer = read(body);
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
            if (!IngestFailures.refusesTheDocument(status)) {
                throw new IOException("OpenSearch could not take the batch now: HTTP " + status + " "
                        + item.path("error").path("type").asString());
            }
            rejected.add(new Unindexable(documents.get(i).record(), reason(status, item.path("error"))));
        }
        return rejected;
    }

    private static String reason(int status, JsonNode error) {
        return "rejected by OpenSearch (HTTP " + status + "): " + error.path("type").asString() + ": "
                + error.path("reason").asString();
    }

    /** The error of a refused request; a proxy's refusal (413 from nginx) may not be JSON at all. */
    private static JsonNode errorOf(String body) {
        try {
            return EventJson.tree(body).path("error");
        } catch (RuntimeException notJson) {
            return EventJson.mapper().createObjectNode().put("type", "http_error").put("reason", "answer not JSON");
        }
    }

    /** An answer that is not JSON came from something else than a working node (a proxy, a restart). */
    private static JsonNode read(String body) throws IOException {
        try {
            return EventJson.tree(body);
        } catch (RuntimeException unreadable) {
            throw new IOException("OpenSearch answered something that is not JSON", unreadable);
        }
    }
}
