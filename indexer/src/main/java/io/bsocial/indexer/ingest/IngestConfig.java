package io.bsocial.indexer.ingest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

import io.bsocial.shared.events.EventTopicsConfiguration;
import io.bsocial.shared.events.StaticMembership;

@Configuration(proxyBeanMethods = false)
@Import({EventTopicsConfiguration.class, StaticMembership.class})
class IngestConfig {

    /**
     * A failed batch (OpenSearch away) is retried whole, with a pause growing from half a second
     * to ten, for as long as it takes: nothing is skipped and no offset moves meanwhile.
     */
    @Bean
    DefaultErrorHandler ingestErrorHandler() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2);
        backOff.setMaxInterval(10_000);
        return new DefaultErrorHandler(backOff);
    }
}
