package io.bsocial.web.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.bsocial.web.support.ApiClient.Response;
import tools.jackson.databind.JsonNode;

/** What every API error must look like: an RFC 9457 document that shows no internals. */
public final class ProblemAssertions {

    private ProblemAssertions() {
    }

    public static void assertProblem(Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asString()).isNotBlank();
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("java.").doesNotContain("SQL")
                .doesNotContain("\tat ");
    }

    /** The fields named by the {@code errors} list of a 400 or 409 problem. */
    public static List<String> fields(Response response) {
        assertThat(response.status()).as(response.body()).isIn(400, 409);
        return response.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }
}
