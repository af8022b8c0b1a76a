package io.bsocial.indexer.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import io.bsocial.indexer.opensearch.EventIndex;
import io.bsocial.shared.events.EventJson;
import tools.jackson.databind.JsonNode;

/** Plain HTTP to a search node, the same for OpenSearch and Elasticsearch. */
public final class SearchHttp {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String url;

    public SearchHttp(String url) {
        this.url = url;
    }

    public void installTemplate() throws IOException {
        expectOk(send("PUT", "/_index_template/bsocial-events", EventIndex.templateJson()));
    }

    public void deleteIndex(String index) {
        send("DELETE", "/" + index + "?ignore_unavailable=true", null);
    }

    /** Indexes documents (each with its eventId as _id) and makes them searchable at once. */
    public void index(String index, List<Map<String, Object>> documents) {
        StringBuilder bulk = new StringBuilder();
        for (Map<String, Object> document : documents) {
            bulk.append("{\"index\":{\"_index\":\"").append(index).append("\",\"_id\":\"")
                    .append(document.get("eventId")).append("\"}}\n")
                    .append(EventJson.mapper().writeValueAsString(document)).append('\n');
        }
        HttpResponse<String> response = send("POST", "/_bulk?refresh=true", bulk.toString(), "application/x-ndjson");
        JsonNode answer = EventJson.tree(response.body());
        if (response.statusCode() != 200 || answer.get("errors").asBoolean()) {
            throw new IllegalStateException("bulk failed: " + response.body());
        }
    }

    /** Makes everything written so far searchable (GET by id sees it at once, search only after this). */
    public void refresh(String index) {
        send("POST", "/" + index + "/_refresh", null);
    }

    public JsonNode search(String index, String body) {
        HttpResponse<String> response = send("POST", "/" + index + "/_search", body);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("search failed: " + response.body());
        }
        return EventJson.tree(response.body());
    }

    public JsonNode get(String path) {
        return EventJson.tree(send("GET", path, null).body());
    }

    public int status(String path) {
        return send("GET", path, null).statusCode();
    }

    private HttpResponse<String> send(String method, String path, String body) {
        return send(method, path, body, "application/json");
    }

    private HttpResponse<String> send(String method, String path, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).header("Content-Type", contentType)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void expectOk(HttpResponse<String> response) throws IOException {
        if (response.statusCode() >= 300) {
            throw new IOException("HTTP " + response.statusCode() + ": " + response.body());
        }
    }
}
