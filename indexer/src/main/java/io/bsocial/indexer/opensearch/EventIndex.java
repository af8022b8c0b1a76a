package io.bsocial.indexer.opensearch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.generic.Requests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The index template with explicit mappings for {@code bsocial-events*}
 * (resources/opensearch/bsocial-events-template.json). It is installed before the first write and
 * again at every start; putting the same template twice changes nothing. The indices that exist
 * already get the template's mappings too: a field added for a new event type (strict mappings
 * refuse unknown fields) reaches them, rather than only the next index.
 */
@Component
public class EventIndex {

    private static final Logger log = LoggerFactory.getLogger(EventIndex.class);
    static final String TEMPLATE = "bsocial-events";

    private final OpenSearchClient client;
    private final String template;
    private final String mappings;
    private volatile boolean installed;

    EventIndex(OpenSearchClient client) throws IOException {
        this.client = client;
        this.template = templateJson();
        this.mappings = tools.jackson.databind.json.JsonMapper.shared().readTree(template).get("template").get("mappings")
                .toString();
    }

    /** The template file, also used by tests to install it on another engine. */
    public static String templateJson() throws IOException {
        try (InputStream in = new ClassPathResource("opensearch/bsocial-events-template.json").getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void installAtStart() {
        try {
            ensureInstalled();
        } catch (IOException | RuntimeException unreachable) {
            log.warn("OpenSearch not reachable at start, the index template will be installed before the first write: {}",
                    unreachable.toString());
        }
    }

    /** Installs the template unless this instance already did. */
    public void ensureInstalled() throws IOException {
        if (installed) {
            return;
        }
        try (var response = client.generic().execute(Requests.builder().method("PUT")
                .endpoint("/_index_template/" + TEMPLATE).json(template).build())) {
            if (response.getStatus() >= 300) {
                throw new IOException("OpenSearch refused the index template: HTTP " + response.getStatus());
            }
        }
        try (var response = client.generic().execute(Requests.builder().method("PUT")
                .endpoint("/bsocial-events*/_mapping").query(java.util.Map.of("allow_no_indices", "true"))
                .json(mappings).build())) {
            if (response.getStatus() >= 300) {
                throw new IOException("OpenSearch refused the mappings for the existing indices: HTTP "
                        + response.getStatus());
            }
        }
        installed = true;
    }
}
