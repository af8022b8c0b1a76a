package io.bsocial.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.bsocial.indexer.support.IndexerHttp;
import io.bsocial.indexer.support.SearchNodes;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "spring.kafka.consumer.group-id=indexer-health-test",
        "bsocial.opensearch.index=bsocial-events-health-test"})
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
}
