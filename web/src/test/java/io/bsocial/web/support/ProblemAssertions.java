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

    /**
     * Past a budget: 429, a problem document saying how long to wait, {@code Retry-After} in whole
     * seconds, and the fields of draft-ietf-httpapi-ratelimit-headers (revision 10) naming the
     * budget: {@code RateLimit-Policy: "posts";q=300;w=10800}, {@code RateLimit: "posts";r=0;t=<Retry-After>}.
     */
    public static void assertPastBudget(Response response, String policy, long quota, long windowSeconds) {
        assertProblem(response, 429);
        assertThat(response.json().get("title").asString()).isEqualTo("Too Many Requests");
        assertThat(response.json().get("detail").asString()).startsWith("Too many ").contains("Try again in ");
        long retryAfter = Long.parseLong(response.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, windowSeconds);
        assertThat(response.header("RateLimit-Policy")).isEqualTo("\"" + policy + "\";q=" + quota + ";w=" + windowSeconds);
        assertThat(response.header("RateLimit")).isEqualTo("\"" + policy + "\";r=0;t=" + retryAfter);
    }

    /** The fields named by the {@code errors} list of a 400 or 409 problem. */
    public static List<String> fields(Response response) {
        assertThat(response.status()).as(response.body()).isIn(400, 409);
        return response.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    }
}
