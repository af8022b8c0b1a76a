package io.bsocial.web.outbox.internal;

import java.util.List;

import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The outbox's one answer to "did Kafka refuse this entry for what it is?". Such a refusal comes
 * back for the same entry however often it is sent: after {@code bsocial.outbox.max-attempts} it
 * is set aside. Everything else — the broker away, a timeout, no leader, missing rights — says
 * nothing about the entry and is retried for as long as it lasts, in order.
 */
final class OutboxRefusals {

    private static final List<Class<? extends Throwable>> REFUSING_THE_ENTRY = List.of(
            RecordTooLargeException.class, RecordBatchTooLargeException.class, InvalidTopicException.class,
            SerializationException.class, InvalidRecordException.class);

    private OutboxRefusals() {
    }

    static boolean refusesTheEntry(Throwable failure) {
        Throwable cause = failure;
        // Bounded: a cause chain with a cycle must not hang the relay.
        for (int depth = 0; cause != null && depth < 32; depth++, cause = cause.getCause()) {
            for (Class<? extends Throwable> type : REFUSING_THE_ENTRY) {
                if (type.isInstance(cause)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The reason kept with the entry: the refusal's type and message, which never hold the payload. */
    static String describe(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < 32; depth++, cause = cause.getCause()) {
            for (Class<? extends Throwable> type : REFUSING_THE_ENTRY) {
                if (type.isInstance(cause)) {
                    return truncate(cause.getClass().getSimpleName() + ": " + cause.getMessage());
                }
            }
        }
        return truncate(String.valueOf(failure));
    }

    private static String truncate(String reason) {
        return reason.length() <= 500 ? reason : reason.substring(0, 497) + "...";
    }
}
