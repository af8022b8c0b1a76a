package io.bsocial.indexer.ingest.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.springframework.stereotype.Component;

import io.bsocial.indexer.opensearch.OpenSearchProperties;
import io.bsocial.shared.events.EventJson;
import tools.jackson.databind.JsonNode;

/**
 * Deleted posts and comments leave nothing that counts: the documents carrying their content or
 * counting for them (a post's created/updated events and those of all its comments; a comment's
 * created/updated events) are found by search and deleted by id (no script needed). The
 * deletion events themselves stay: they carry no content, and they are what erases a copy that
 * arrives later (another topic, a redelivery).
 *
 * <p>A deleted account ({@code user-deleted}, which names it by id and username only) erases every
 * document that names its id in any user field ({@link EventDocument#USER_FIELDS}: its own events
 * with its e-mail address, and those of others about it: follows of it, comments on its posts,
 * mentions of it, blocks and mutes of it). Its {@code user-deleted} document stays, as the
 * deletion's own record: an event of the account that arrives later is erased in the batch that
 * brings it, before that batch's offsets are committed, so it is never kept.
 *
 * <p>Run after every bulk write, whatever the order of arrival: the batch's posts and comments are
 * looked up among the deletion documents, and what they erase is deleted. Why no interleaving of
 * a create and its deletion, in one batch or two running at once, leaves the create standing is
 * argued in docs/queries.md ("Edits and deletions").
 */
@Component
class Erasure {

    static final String POST_DELETED = "post-deleted";
    static final String COMMENT_DELETED = "comment-deleted";
    static final String USER_DELETED = "user-deleted";
    /** What a deleted post erases: itself, its edits, and every comment on it with their edits. */
    static final List<String> OF_A_POST = List.of("post-created", "post-updated", "comment-created", "comment-updated");
    /** What a deleted comment erases. */
    static final List<String> OF_A_COMMENT = List.of("comment-created", "comment-updated");

    /** A pattern that names no index yet (nothing written so far) is an empty answer, not a 404. */
    private static final String LENIENT = "ignore_unavailable=true&allow_no_indices=true";
    private static final String JSON = "application/json";
    private static final String NDJSON = "application/x-ndjson";
    private static final int PAGE = 1000;

    private final OpenSearchClient client;
    private final OpenSearchProperties properties;

    Erasure(OpenSearchClient client, OpenSearchProperties properties) {
        this.client = client;
        this.properties = properties;
    }

    /**
     * True when the batch holds a deletion: it must then be written with {@code refresh=true}, so
     * that any batch that searches after this write returned finds the deletion.
     */
    static boolean holdsDeletions(List<EventDocument> documents) {
        return documents.stream().anyMatch(d -> POST_DELETED.equals(d.type()) || COMMENT_DELETED.equals(d.type())
                || USER_DELETED.equals(d.type()));
    }

    /** After the batch was written: erases whatever a deletion (of this batch or an earlier one) covers. */
    void sweep(List<EventDocument> written) throws IOException {
        Set<String> posts = ids(written, OF_A_POST, POST_DELETED, EventDocument::postId);
        Set<String> comments = ids(written, OF_A_COMMENT, COMMENT_DELETED, EventDocument::commentId);
        Set<String> users = new TreeSet<>();
        written.forEach(document -> users.addAll(document.userIds()));
        if (posts.isEmpty() && comments.isEmpty() && users.isEmpty()) {
            return;
        }
        JsonNode found = call("POST", scoped("/_search?" + LENIENT), """
                {"size":0,"aggs":{
                 "posts":{"filter":{"bool":{"filter":[{"term":{"eventType":"%s"}},{"terms":{"postId":%s}}]}},
                          "aggs":{"ids":{"terms":{"field":"postId","size":%d}}}},
                 "comments":{"filter":{"bool":{"filter":[{"term":{"eventType":"%s"}},{"terms":{"commentId":%s}}]}},
                             "aggs":{"ids":{"terms":{"field":"commentId","size":%d}}}},
                 "users":{"filter":{"bool":{"filter":[{"term":{"eventType":"%s"}},{"terms":{"userId":%s}}]}},
                          "aggs":{"ids":{"terms":{"field":"userId","size":%d}}}}}}
                """.formatted(POST_DELETED, json(posts), Math.max(1, posts.size()),
                COMMENT_DELETED, json(comments), Math.max(1, comments.size()),
                USER_DELETED, json(users), Math.max(1, users.size())), JSON);
        Set<String> deletedPosts = keys(found.path("aggregations").path("posts"));
        Set<String> deletedComments = keys(found.path("aggregations").path("comments"));
        Set<String> deletedUsers = keys(found.path("aggregations").path("users"));
        if (deletedPosts.isEmpty() && deletedComments.isEmpty() && deletedUsers.isEmpty()) {
            return;
        }
        // Search sees only refreshed documents: everything acknowledged before this refresh
        // (this batch's creates, and those of any batch whose search missed the deletion) is seen.
        call("POST", scoped("/_refresh?" + LENIENT), null, JSON);
        delete(erasable(deletedPosts, deletedComments, deletedUsers));
    }

    /**
     * Every document the deletions erase, as bulk delete actions. Found by search and deleted by
     * id rather than with {@code _delete_by_query}, which lives in the reindex module: the test
     * nodes (and a minimal distribution) have none, and a delete by id removes whichever version
     * of the document is there.
     */
    private List<String> erasable(Set<String> deletedPosts, Set<String> deletedComments, Set<String> deletedUsers)
            throws IOException {
        StringBuilder naming = new StringBuilder();
        for (String field : EventDocument.USER_FIELDS) {
            naming.append(",{\"terms\":{\"").append(field).append("\":").append(json(deletedUsers)).append("}}");
        }
        List<String> actions = new ArrayList<>();
        String after = "";
        while (true) {
            JsonNode hits = call("POST", scoped("/_search?" + LENIENT), """
                    {"size":%d,"_source":false,"sort":[{"eventId":"asc"}],%s
                     "query":{"bool":{"minimum_should_match":1,"should":[
                      {"bool":{"filter":[{"terms":{"eventType":%s}},{"terms":{"postId":%s}}]}},
                      {"bool":{"filter":[{"terms":{"eventType":%s}},{"terms":{"commentId":%s}}]}},
                      {"bool":{"must_not":[{"term":{"eventType":"%s"}}],"minimum_should_match":1,"should":[%s]}}]}}}
                    """.formatted(PAGE, after, json(OF_A_POST), json(deletedPosts), json(OF_A_COMMENT),
                    json(deletedComments), USER_DELETED, naming.substring(1)), JSON).path("hits").path("hits");
            for (JsonNode hit : hits) {
                actions.add("{\"delete\":{\"_index\":" + json(hit.path("_index").asString()) + ",\"_id\":"
                        + json(hit.path("_id").asString()) + "}}");
            }
            if (hits.size() < PAGE) {
                return actions;
            }
            after = "\"search_after\":" + hits.get(hits.size() - 1).path("sort") + ",";
        }
    }

    /** Deletes by id, searchable at once; a document already gone is no failure. */
    private void delete(List<String> actions) throws IOException {
        if (actions.isEmpty()) {
            return;
        }
        JsonNode answer = call("POST", "/_bulk?refresh=true", String.join("\n", actions) + "\n", NDJSON);
        for (JsonNode item : answer.path("items")) {
            int status = item.path("delete").path("status").asInt();
            if (status != 200 && status != 404) {
                throw new IOException("OpenSearch could not erase deleted content: HTTP " + status + " "
                        + item.path("delete").path("error").path("type").asString());
            }
        }
    }

    /** The ids of the documents of the given types, and those of the deletions themselves. */
    private static Set<String> ids(List<EventDocument> documents, List<String> types, String deletion,
            Function<EventDocument, String> id) {
        Set<String> ids = new TreeSet<>();
        for (EventDocument document : documents) {
            if ((types.contains(document.type()) || deletion.equals(document.type())) && id.apply(document) != null) {
                ids.add(id.apply(document));
            }
        }
        return ids;
    }

    private static Set<String> keys(JsonNode aggregation) {
        Set<String> keys = new TreeSet<>();
        for (JsonNode bucket : aggregation.path("ids").path("buckets")) {
            keys.add(bucket.path("key").asString());
        }
        return keys;
    }

    private static String json(Object value) {
        return EventJson.mapper().writeValueAsString(value);
    }

    /** The path on the indices the queries read and the one written to (the same in production). */
    private String scoped(String path) {
        return "/" + properties.index() + "," + properties.searchPattern() + path;
    }

    /** Any answer but 200 is the node's trouble, not the batch's: the batch is retried whole. */
    private JsonNode call(String method, String endpoint, String body, String contentType) throws IOException {
        var request = Requests.builder().method(method).endpoint(endpoint);
        if (body != null) {
            request.body(Body.from(body.getBytes(StandardCharsets.UTF_8), contentType));
        }
        try (Response response = client.generic().execute(request.build())) {
            String answer = response.getBody().map(Body::bodyAsString).orElse("{}");
            if (response.getStatus() != 200) {
                throw new IOException("OpenSearch answered HTTP " + response.getStatus() + " while erasing deleted content: "
                        + answer.substring(0, Math.min(answer.length(), 300)));
            }
            try {
                return EventJson.tree(answer);
            } catch (RuntimeException unreadable) {
                throw new IOException("OpenSearch answered something that is not JSON", unreadable);
            }
        }
    }
}
