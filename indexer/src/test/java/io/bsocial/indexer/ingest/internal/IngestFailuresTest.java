package io.bsocial.indexer.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;

import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

import io.bsocial.shared.events.ConsumerFailure;

/** Which failures keep the indexer retrying a batch, and which only cost messages their place. */
class IngestFailuresTest {

    @Test
    void openSearchOrKafkaAwayIsInfrastructureEvenWhenTheContainerWrappedIt() {
        assertThat(IngestFailures.classify(wrapped(new UncheckedIOException(new ConnectException("refused")))))
                .isEqualTo(ConsumerFailure.INFRASTRUCTURE);
        assertThat(IngestFailures.classify(wrapped(new UncheckedIOException(
                new IOException("OpenSearch could not take the batch now: HTTP 429")))))
                .isEqualTo(ConsumerFailure.INFRASTRUCTURE);
        assertThat(IngestFailures.classify(wrapped(new IllegalStateException("could not dead-letter a message",
                new TimeoutException("no broker"))))).isEqualTo(ConsumerFailure.INFRASTRUCTURE);
    }

    @Test
    void anythingElseIsADataErrorWithBoundedTries() {
        assertThat(IngestFailures.classify(wrapped(new IllegalArgumentException("bad value"))))
                .isEqualTo(ConsumerFailure.DATA);
        assertThat(IngestFailures.classify(wrapped(new UnindexableEventException("not valid JSON"))))
                .isEqualTo(ConsumerFailure.INVALID);
    }

    @Test
    void onlyBadRequestAndTooLargeAreVerdictsOnTheDocuments() {
        assertThat(IngestFailures.refusesTheDocument(400)).isTrue();
        assertThat(IngestFailures.refusesTheDocument(413)).isTrue();
        for (int status : new int[] {401, 403, 404, 408, 429, 500, 502, 503}) {
            assertThat(IngestFailures.refusesTheDocument(status)).as("HTTP %d", status).isFalse();
        }
    }

    private static ListenerExecutionFailedException wrapped(Throwable failure) {
        return new ListenerExecutionFailedException("Listener method threw", "bsocial-indexer", failure);
    }
}
