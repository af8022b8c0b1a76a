package io.bsocial.web.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.bsocial.web.WebAppTest;
import tools.jackson.databind.JsonNode;

/** The running application's health shows each of its background workers, alive. */
@WebAppTest
class WorkersHealthTest {

    @LocalServerPort
    int port;

    @Test
    void everyBackgroundWorkerIsInHealthAlive() {
        JsonNode workers = new ApiClient(port).get("/actuator/health").json().at("/components/workers");

        assertThat(workers.get("status").asString()).isEqualTo("UP");
        for (String name : new String[] {"outbox-relay", "timeline-fan-out", "budget-pruner"}) {
            assertThat(workers.at("/details/" + name + "/alive").asBoolean()).as(name).isTrue();
            assertThat(workers.at("/details/" + name + "/restarts").asInt()).as(name).isZero();
        }
    }
}
