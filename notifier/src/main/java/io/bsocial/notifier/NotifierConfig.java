package io.bsocial.notifier;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.scheduling.annotation.EnableScheduling;

import io.bsocial.notifier.events.ConsumerFailures;
import io.bsocial.shared.events.ConsumerErrorHandlers;
import io.bsocial.shared.events.ConsumerRetryProperties;
import io.bsocial.shared.events.EventTopicsConfiguration;
import io.bsocial.shared.events.ListenerContainers;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(ConsumerRetryProperties.class)
@Import({EventTopicsConfiguration.class, ListenerContainers.class})
class NotifierConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * A message that can never be processed goes to {@code bsocial.dlt} with the reason in its
     * headers: an unreadable one at once, one the database refuses after
     * {@code bsocial.kafka.retry.attempts} tries. Only the database away is retried with a growing
     * pause, forever, so that nothing is lost; see {@link ConsumerFailures}.
     */
    @Bean
    DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<Object, Object> template, ConsumerRetryProperties retry) {
        return ConsumerErrorHandlers.deadLettering(template, retry, ConsumerFailures::classify);
    }
}
