package io.bsocial.shared.events;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the consumers retry ({@code bsocial.kafka.retry.*}): a message whose content is refused is
 * delivered {@code attempts} times in all, {@code pause} apart, then goes to the dead-letter topic;
 * a failure of the infrastructure is retried without limit, with a pause doubling from
 * {@code initialBackoff} to {@code maxBackoff}.
 */
@ConfigurationProperties("bsocial.kafka.retry")
public record ConsumerRetryProperties(
        @DefaultValue("3") int attempts,
        @DefaultValue("1s") Duration pause,
        @DefaultValue("500ms") Duration initialBackoff,
        @DefaultValue("10s") Duration maxBackoff) {

    public ConsumerRetryProperties {
        if (attempts < 1) {
            throw new IllegalArgumentException("bsocial.kafka.retry.attempts must be at least 1");
        }
    }
}
