package io.bsocial.indexer.ingest.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;

import io.bsocial.shared.events.ConsumerErrorHandlers;
import io.bsocial.shared.events.ConsumerRetryProperties;
import io.bsocial.shared.events.EventTopicsConfiguration;
import io.bsocial.shared.events.ListenerContainers;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConsumerRetryProperties.class)
@Import({EventTopicsConfiguration.class, ListenerContainers.class})
class IngestConfig {

    /**
     * A failed batch is retried whole. OpenSearch away (or 429/5xx, or Kafka refusing a dead
     * letter): with a pause growing from half a second to ten, for as long as it takes, nothing
     * skipped and no offset moved meanwhile. Documents OpenSearch refuses never get here (the
     * ingester dead-letters them itself); any other failure gets {@code bsocial.kafka.retry.attempts}
     * tries, then the batch's messages go to {@code bsocial.dlt} with the reason in their headers.
     */
    @Bean
    DefaultErrorHandler ingestErrorHandler(KafkaTemplate<Object, Object> template, ConsumerRetryProperties retry) {
        return ConsumerErrorHandlers.deadLettering(template, retry, IngestFailures::classify);
    }
}
