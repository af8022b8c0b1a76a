package io.bsocial.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.bsocial.shared.testing.LocalAddresses;
import io.bsocial.shared.testing.OperatorEndpointSpellings;
import io.bsocial.shared.testing.RawRequests;

/** Health for everyone (status only), details and the rest of the Actuator for operators (loopback). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bsocial.operator.token=notifier-operator-token", "bsocial.trusted-proxies=198.51.100.128/25"})
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

    /**
     * The Kubernetes probes (deploy/): Boot 4 has the liveness and readiness groups on by default,
     * and an anonymous caller from the network, as the kubelet is, gets their status.
     */
    @Test
    void answersTheProbesHealthGroupsToAnyone() throws Exception {
        for (String group : new String[] {"liveness", "readiness"}) {
            HttpResponse<String> probe = get(LocalAddresses.nonLoopback(), "/actuator/health/" + group);
            assertThat(probe.statusCode()).as(group).isEqualTo(200);
            assertThat(probe.body()).as(group).contains("\"status\":\"UP\"").doesNotContain("components", "details");
        }
    }

    /**
     * Behind a proxy on this machine (a trusted one: loopback), the client is the one the proxy
     * names: before the notifier read {@code X-Forwarded-For} as web does, every proxied client was
     * loopback and saw health details.
     */
    @Test
    void aClientBehindATrustedProxyIsNeverLoopback() {
        RawRequests.Answer proxied = RawRequests.get(port, "/actuator/health",
                "X-Forwarded-For", OperatorEndpointSpellings.OUTSIDE_CLIENT);
        assertThat(proxied.status()).isEqualTo(200);
        assertThat(proxied.body()).doesNotContain("components", "details");
        assertThat(RawRequests.get(port, "/actuator", "X-Forwarded-For", OperatorEndpointSpellings.OUTSIDE_CLIENT).status())
                .isEqualTo(403);
    }

    @Test
    void operatorEndpointsRefuseOutsideClientsHoweverTheirPathIsSpelled() {
        OperatorEndpointSpellings endpoints = new OperatorEndpointSpellings(port, Map.of("path", "db"));
        assertThat(endpoints.operatorPaths()).contains("/actuator", "/actuator/health/db");

        endpoints.assertOutsideClientsAreRefusedHoweverSpelled();
        endpoints.assertTheOperatorReachesEndpointsSpelledAnyWay("X-Forwarded-For", OperatorEndpointSpellings.OUTSIDE_CLIENT,
                "X-Operator-Token", "notifier-operator-token");
    }

    private HttpResponse<String> get(String host, String path) throws Exception {
        return HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
