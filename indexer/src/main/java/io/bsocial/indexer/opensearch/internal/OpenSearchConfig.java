package io.bsocial.indexer.opensearch.internal;

import java.util.concurrent.TimeUnit;

import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.Timeout;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.bsocial.indexer.opensearch.OpenSearchProperties;

@Configuration(proxyBeanMethods = false)
class OpenSearchConfig {

    @Bean
    OpenSearchClient openSearchClient(OpenSearchProperties properties) {
        HttpHost host = new HttpHost(properties.url().getScheme(), properties.url().getHost(), properties.url().getPort());
        var transport = ApacheHttpClient5TransportBuilder.builder(host)
                .setMapper(new JacksonJsonpMapper())
                // Fail fast while the node is away: the ingester retries with its own backoff.
                .setConnectionConfigCallback(config -> config.setConnectTimeout(Timeout.of(2, TimeUnit.SECONDS)))
                .setRequestConfigCallback(config -> config.setResponseTimeout(Timeout.of(30, TimeUnit.SECONDS)))
                .build();
        return new OpenSearchClient(transport);
    }
}
