package io.bsocial.indexer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.bsocial.indexer.support.IndexerHttp;
import io.bsocial.indexer.support.SearchNodes;
import io.bsocial.shared.events.EventTopics;
import io.bsocial.shared.testing.KafkaUsageTable;
import io.bsocial.shared.testing.KafkaUsageTable.Row;
import io.bsocial.shared.testing.LocalAddresses;
import io.bsocial.shared.testing.OperatorEndpointSpellings;
import io.bsocial.shared.testing.RawRequests;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "spring.kafka.consumer.group-id=indexer-health-test",
        "bsocial.opensearch.index=bsocial-events-health-test",
        "bsocial.operator.token=indexer-operator-token"})
@ExtendWith(SearchNodes.class)
class IndexerHealthTest {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void openSearch(DynamicPropertyRegistry registry) {
        registry.add("bsocial.opensearch.url", () -> SearchNodes.opensearch().url());
    }

    @Test
    void answersHealthWithTheSearchNodeWhenReady() throws Exception {
        HttpResponse<String> health = IndexerHttp.get(port, "/actuator/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"opensearch\"");
    }

    /** Behind a proxy on this machine, the client is the one the proxy names, never loopback. */
    @Test
    void aClientBehindATrustedProxyIsNeverLoopback() {
        RawRequests.Answer proxied = RawRequests.get(port, "/actuator/health",
                "X-Forwarded-For", OperatorEndpointSpellings.OUTSIDE_CLIENT);
        assertThat(proxied.status()).isEqualTo(200);
        assertThat(proxied.body()).doesNotContain("components", "opensearch");
        assertThat(RawRequests.get(port, "/actuator/health").body()).contains("\"opensearch\"");
    }

    @Test
    void operatorEndpointsRefuseOutsideClientsHoweverTheirPathIsSpelled() {
        OperatorEndpointSpellings endpoints = new OperatorEndpointSpellings(port, Map.of("path", "opensearch"));
        assertThat(endpoints.operatorPaths()).contains("/actuator", "/actuator/health/opensearch");

        endpoints.assertOutsideClientsAreRefusedHoweverSpelled();
        endpoints.assertTheOperatorReachesEndpointsSpelledAnyWay("X-Forwarded-For", OperatorEndpointSpellings.OUTSIDE_CLIENT,
                "X-Operator-Token", "indexer-operator-token");
    }

    /**
     * docs/architecture.md's Kafka table says what the indexer reads, in which group, and writes:
     * the topics of its listeners here, the group its configuration gives outside tests (tests
     * read in groups of their own), and dead letters.
     */
    @Test
    void theArchitectureTableSaysWhatTheIndexerReadsAndWrites(@Autowired KafkaListenerEndpointRegistry listeners)
            throws Exception {
        Set<String> read = listeners.getListenerContainers().stream()
                .flatMap(container -> Stream.of(container.getContainerProperties().getTopics()))
                .collect(Collectors.toSet());
        Properties configured = PropertiesLoaderUtils.loadProperties(new ClassPathResource("application.properties"));

        List<Row> documented = KafkaUsageTable.rows(Path.of("..", "docs", "architecture.md"), "indexer");
        assertThat(documented).hasSize(1);
        assertThat(documented.get(0).group()).isEqualTo(configured.getProperty("spring.kafka.consumer.group-id"));
        assertThat(documented.get(0).reads()).isEqualTo(read);
        assertThat(documented.get(0).writes()).containsExactly(EventTopics.DEAD_LETTER);
    }

    /** Internal: web calls it on this machine; nothing on the network reaches its stats API. */
    @Test
    void listensOnLoopbackOnly() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        URI fromTheNetwork = URI.create("http://" + LocalAddresses.nonLoopback() + ":" + port + "/api/stats/logins-per-day");

        assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(fromTheNetwork).build(),
                HttpResponse.BodyHandlers.discarding())).isInstanceOf(ConnectException.class);
        assertThat(IndexerHttp.get(port, "/api/stats/logins-per-day").statusCode()).isEqualTo(200);
    }
}
