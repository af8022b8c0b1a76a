package io.bsocial.shared.events;

import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The error handler of every bSocial consumer. A failed message is tried again according to what
 * the service's classifier says about the failure ({@link ConsumerFailure}), then published to
 * {@code bsocial.dlt} by Spring Kafka's {@link DeadLetterPublishingRecoverer}, which writes the
 * reason and the origin into the standard {@code kafka_dlt-*} headers. Only failures of the
 * infrastructure are retried without limit: a message the service refuses never stalls its
 * partition for the messages behind it.
 */
public final class ConsumerErrorHandlers {

    private static final Logger log = LoggerFactory.getLogger(ConsumerErrorHandlers.class);

    private ConsumerErrorHandlers() {
    }

    public static DefaultErrorHandler deadLettering(KafkaOperations<?, ?> template, ConsumerRetryProperties retry,
            Function<Throwable, ConsumerFailure> classifier) {
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(template,
                (record, exception) -> new TopicPartition(EventTopics.DEAD_LETTER, -1));
        DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters, infrastructure(retry));
        // The container hands over the listener's exception wrapped (ListenerExecutionFailedException):
        // classify what the listener threw, not the wrapper.
        handler.setBackOffFunction((record, exception) -> backOff(classifier.apply(unwrap(exception)), retry));
        // A data error that turns into an outage (or back) starts the sequence of its new kind.
        handler.setResetStateOnExceptionChange(true);
        handler.setRetryListeners(new LoggingRetryListener(classifier));
        return handler;
    }

    private static BackOff backOff(ConsumerFailure failure, ConsumerRetryProperties retry) {
        return switch (failure) {
            case INVALID -> new FixedBackOff(0, 0);
            case DATA -> new FixedBackOff(retry.pause().toMillis(), retry.attempts() - 1L);
            case INFRASTRUCTURE -> infrastructure(retry);
        };
    }

    private static BackOff infrastructure(ConsumerRetryProperties retry) {
        ExponentialBackOff backOff = new ExponentialBackOff(retry.initialBackoff().toMillis(), 2);
        backOff.setMaxInterval(retry.maxBackoff().toMillis());
        return backOff;
    }

    /** What the listener threw, without the container's wrapper. */
    public static Throwable unwrap(Throwable exception) {
        Throwable failure = exception;
        while (failure instanceof ListenerExecutionFailedException && failure.getCause() != null) {
            failure = failure.getCause();
        }
        return failure;
    }

    /** True when {@code type} is the failure or any of its causes. */
    public static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        // Bounded: a cause chain with a cycle must not hang the consumer.
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < 32; depth++, cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Every failed delivery in the log, so that a retried message is visible. Never the payload:
     * for a refused message only the exception types (the reason is in the dead letter's headers);
     * for an outage the whole message (a host, a status).
     */
    private record LoggingRetryListener(Function<Throwable, ConsumerFailure> classifier) implements RetryListener {

        @Override
        public void failedDelivery(ConsumerRecord<?, ?> record, Exception ex, int deliveryAttempt) {
            log.warn("delivery {} of {} failed: {}", deliveryAttempt, KafkaUtils.format(record), describe(ex));
            // The whole failure, message and trace, only for whoever turns this logger to DEBUG.
            log.debug("delivery {} of {} failed", deliveryAttempt, KafkaUtils.format(record), ex);
        }

        @Override
        public void recovered(ConsumerRecord<?, ?> record, Exception ex) {
            log.warn("{} sent to {}: {}", KafkaUtils.format(record), EventTopics.DEAD_LETTER, describe(ex));
        }

        @Override
        public void failedDelivery(ConsumerRecords<?, ?> records, Exception ex, int deliveryAttempt) {
            log.warn("delivery {} of a batch of {} failed: {}", deliveryAttempt, records.count(), describe(ex));
        }

        private String describe(Exception ex) {
            if (ex == null) {
                return "no exception";
            }
            Throwable failure = unwrap(ex);
            if (classifier.apply(failure) == ConsumerFailure.INFRASTRUCTURE) {
                return failure.toString();
            }
            StringBuilder types = new StringBuilder(failure.getClass().getName());
            Throwable cause = failure.getCause();
            for (int depth = 0; cause != null && depth < 32; depth++, cause = cause.getCause()) {
                types.append(" <- ").append(cause.getClass().getName());
            }
            return types.toString();
        }
    }
}
