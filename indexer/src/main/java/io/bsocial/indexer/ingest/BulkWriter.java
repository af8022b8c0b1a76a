package io.bsocial.indexer.ingest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.core.BulkRequest;
import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;
import org.springframework.stereotype.Component;

import io.bsocial.indexer.opensearch.EventIndex;
import io.bsocial.indexer.opensearch.OpenSearchProperties;

/**
 * Writes documents in one bulk request. Documents OpenSearch refuses for what they are (a 4xx
 * per item: a field the mapping does not know, a date that is not one) are answered back; any
 * other failure — the node away, overloaded, a 5xx or 429 — is thrown, so that the whole batch is
 * retried and nothing is skipped.
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

    record Rejected(EventDocument document, String reason) {
    }

    List<Rejected> write(List<EventDocument> documents) throws IOException {
        index.ensureInstalled();
        BulkRequest.Builder bulk = new BulkRequest.Builder();
        for (EventDocument document : documents) {
            bulk.operations(op -> op.index(i -> i.index(properties.index()).id(document.id()).document(document.source())));
        }
        BulkResponse response = client.bulk(bulk.build());
        List<Rejected> rejected = new ArrayList<>();
        if (!response.errors()) {
            return rejected;
        }
        for (int i = 0; i < response.items().size(); i++) {
            BulkResponseItem item = response.items().get(i);
            if (item.error() == null) {
                continue;
            }
            if (item.status() == 429 || item.status() >= 500) {
                throw new IOException("OpenSearch could not take the batch now: HTTP " + item.status());
            }
            rejected.add(new Rejected(documents.get(i), "rejected by OpenSearch (HTTP " + item.status() + "): "
                    + item.error().type() + ": " + item.error().reason()));
        }
        return rejected;
    }
}
