package io.bsocial.notifier;

import java.time.Clock;

import org.apache.kafka.common.TopicPartition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.util.backoff.ExponentialBackOff;

import io.bsocial.notifier.notification.InvalidEventException;
import io.bsocial.shared.events.EventTopics;
import io.bsocial.shared.events.EventTopicsConfiguration;
import io.bsocial.shared.events.StaticMembership;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
@Import({EventTopicsConfiguration.class, StaticMembership.class})
class NotifierConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * A message that can never be processed goes to {@code bsocial.dlt} with the reason in its
     * headers; anything else (the database away) is retried with a growing pause, forever, so
     * that nothing is lost or skipped.
     */
    @Bean
    DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<Object, Object> template) {
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(template,
                (record, exception) -> new TopicPartition(EventTopics.DEAD_LETTER, -1));
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2);
        backOff.setMaxInterval(10_000);
        DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters, backOff);
        handler.addNotRetryableExceptions(InvalidEventException.class);
        return handler;
    }
}
