package io.bsocial.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

/**
 * The home timeline's operator endpoint on web (issue 17): {@code GET /actuator/timelines} answers
 * {@code {"pending":n,"entries":n,...}}, {@code POST /actuator/timelines/rebuild} recomputes every
 * timeline. A web without it (before the home timeline) answers 404: the parts of the benchmark
 * that need it are then reported as not available.
 */
final class Timelines {

    /** Posts waiting for their fan-out, and entries in all timelines. */
    record State(long pending, long entries) {
    }

    private final WebApi web;

    Timelines(WebApi web) {
        this.web = web;
    }

    /** The endpoint's state; empty when web has no such endpoint. */
    Optional<State> state() throws IOException, InterruptedException {
        HttpResponse<String> response = web.call("GET", "/actuator/timelines", null);
        return parse(response.statusCode(), response.body());
    }

    /** Recomputes every timeline (synchronously, so this waits); answers how long it took, in seconds. */
    long rebuild() throws IOException, InterruptedException {
        long started = System.nanoTime();
        HttpResponse<String> response = web.call("POST", "/actuator/timelines/rebuild", null);
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("POST /actuator/timelines/rebuild answered HTTP " + response.statusCode());
        }
        return Math.round((System.nanoTime() - started) / 1e9);
    }

    /** 404 means no home timeline; 200 its figures; anything else is a failure to report. */
    static Optional<State> parse(int status, String body) {
        if (status == 404) {
            return Optional.empty();
        }
        if (status != 200) {
            throw new IllegalStateException("GET /actuator/timelines answered HTTP " + status);
        }
        JsonNode state = Json.tree(body);
        if (!state.path("pending").isNumber() || !state.path("entries").isNumber()) {
            throw new IllegalStateException("GET /actuator/timelines has no pending/entries figures: " + body);
        }
        return Optional.of(new State(state.get("pending").asLong(), state.get("entries").asLong()));
    }
}
