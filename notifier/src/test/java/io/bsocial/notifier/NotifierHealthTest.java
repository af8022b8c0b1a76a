package io.bsocial.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.bsocial.shared.testing.LocalAddresses;

/** Health for everyone (status only), details and the rest of the Actuator for operators (loopback). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NotifierHealthTest {

    @LocalServerPort
    int port;

    @Test
    void answersHealthWhenReadyWithDetailsForOperatorsOnly() throws Exception {
        HttpResponse<String> fromLoopback = get("localhost", "/actuator/health");
        assertThat(fromLoopback.statusCode()).isEqualTo(200);
        assertThat(fromLoopback.body()).contains("\"status\":\"UP\"").contains("\"components\"").contains("\"db\"");

        HttpResponse<String> fromTheNetwork = get(LocalAddresses.nonLoopback(), "/actuator/health");
        assertThat(fromTheNetwork.statusCode()).isEqualTo(200);
        assertThat(fromTheNetwork.body()).contains("\"status\":\"UP\"").doesNotContain("components", "details", "db");
        assertThat(get(LocalAddresses.nonLoopback(), "/actuator").statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> get(String host, String path) throws Exception {
        return HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
