package io.bsocial.indexer.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.bsocial.indexer.support.SearchHttp;
import io.bsocial.indexer.support.SearchNodes;
import io.bsocial.shared.events.EventJson;
import tools.jackson.databind.JsonNode;

/** {@code ./bsocial query}: the repository's queries/, rendered by QueryFiles, sent to a real node. */
@ExtendWith(SearchNodes.class)
class QueryCommandTest {

    static final String INDEX = "bsocial-events-query-command";

    final QueryCommand command = new QueryCommand(Path.of("..", "queries").toAbsolutePath().normalize());
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void rendersTheStoredFileWithItsParameters() throws Exception {
        String body = command.render("logins-per-day", "days=7");

        assertThat(body).contains("\"gt\": \"now-7d/d\"", "\"min\": \"now-7d/d+1d\"").doesNotContain("{{");
        assertThat(EventJson.tree(body).get("size").asInt()).isZero();
    }

    @Test
    void valuesAreJsonEscapedSoTheyCannotLeaveTheirString() throws Exception {
        assertThat(command.render("logins-per-day", "days=7\"}")).contains("now-7\\\"}d/d");
    }

    @Test
    void whatIsWrongIsSaidAsTheLauncherAlwaysSaidIt() {
        assertThatThrownBy(() -> command.render("logins-per-day")).hasMessage("missing parameter(s): {{days}}");
        assertThatThrownBy(() -> command.render("logins-per-day", "days")).hasMessage("bad parameter: days");
        assertThatThrownBy(() -> command.render("logins-per-day", "da-ys=7")).hasMessage("bad parameter: da-ys=7");
        assertThatThrownBy(() -> command.render("no-such-query")).hasMessage(
                "usage: ./bsocial query NAME [param=value ...]; NAME is one of: logins-per-day top-posts-per-day trending-tags user-top-and-worst-post");
        assertThatThrownBy(() -> command.render()).hasMessageStartingWith("usage: ./bsocial query NAME");
    }

    @Test
    void postsTheRenderedQueryToTheNodeAndPrintsItsAnswer() throws Exception {
        SearchHttp node = new SearchHttp(SearchNodes.opensearch().url());
        node.installTemplate();
        node.deleteIndex(INDEX);
        node.index(INDEX, List.of(Map.of("eventId", UUID.randomUUID().toString(), "eventType", "user-logged-in",
                "timestamp", Instant.now().toString(), "userId", 7, "username", "ada", "email", "ada@example.com")));
        URI search = URI.create(SearchNodes.opensearch().url() + "/" + INDEX + "*/_search?pretty");

        int status = command.run(search, new String[] {"logins-per-day", "days=3"}, print(out), print(err));

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode days = EventJson.tree(out.toString(StandardCharsets.UTF_8)).get("aggregations").get("per_day").get("buckets");
        assertThat(days).hasSize(3);
        assertThat(days.get(2).get("doc_count").asInt()).isEqualTo(1);
    }

    @Test
    void aRefusedQueryIsAnErrorWithTheNodesReason() throws Exception {
        URI search = URI.create(SearchNodes.opensearch().url() + "/" + INDEX + "*/_nonsense");

        int status = command.run(search, new String[] {"logins-per-day", "days=3"}, print(out), print(err));

        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("bsocial: the search node answered HTTP 4");
        assertThat(command.run(search, new String[] {"logins-per-day"}, print(out), print(err))).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("bsocial: missing parameter(s): {{days}}");
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
