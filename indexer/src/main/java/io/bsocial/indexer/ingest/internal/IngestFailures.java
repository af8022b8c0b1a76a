package io.bsocial.indexer.ingest.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.common.KafkaException;
import org.opensearch.client.opensearch._types.OpenSearchException;

import io.bsocial.shared.events.ConsumerErrorHandlers;
import io.bsocial.shared.events.ConsumerFailure;

/**
 * The indexer's one answer to "whose fault is this failure?". OpenSearch unreachable, answering
 * 429 or 5xx, or blocking writes, and Kafka refusing a dead letter, are the infrastructure's:
 * the batch is retried for as long as it takes. HTTP 400 is OpenSearch's verdict on a document (a
 * mapping rejection, a value that is not a date, an id too long): that document alone is
 * dead-lettered. Anything else escaping the ingester is a data error of unknown kind: a few tries,
 * then the batch goes to the dead-letter topic instead of stalling the partition.
 */
final class IngestFailures {

    /** OpenSearch unreachable or unable to answer; Kafka unable to take a dead letter; shutting down. */
    private static final List<Class<? extends Throwable>> OUTAGES = List.of(IOException.class,
            UncheckedIOException.class, KafkaException.class, TimeoutException.class, InterruptedException.class);

    private IngestFailures() {
    }

    /** For the error handler: what escaped the ingester. */
    static ConsumerFailure classify(Throwable exception) {
        Throwable failure = ConsumerErrorHandlers.unwrap(exception);
        if (ConsumerErrorHandlers.causedBy(failure, UnindexableEventException.class)) {
            return ConsumerFailure.INVALID;
        }
        for (Class<? extends Throwable> outage : OUTAGES) {
            if (ConsumerErrorHandlers.causedBy(failure, outage)) {
                return ConsumerFailure.INFRASTRUCTURE;
            }
        }
        if (failure instanceof OpenSearchException refused && !refusesTheDocument(refused.status())) {
            return ConsumerFailure.INFRASTRUCTURE;
        }
        return ConsumerFailure.DATA;
    }

    /**
     * For one item of a bulk answer, or a whole request: true when the status is a verdict on the
     * document(s) sent. 401/403 (a write block, credentials), 404 (no index), 408, 429 and 5xx
     * say nothing about the documents and are retried.
     */
    static boolean refusesTheDocument(int status) {
        return status == 400 || status == 413;
    }
}
