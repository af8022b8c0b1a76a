package io.bsocial.web.outbox.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.bsocial.shared.sql.SqlTime;
import io.bsocial.web.support.WorkerThread;

/**
 * Moves events from the outbox to Kafka: oldest first, one instance at a time (the relay lock),
 * deleting exactly the entries Kafka acknowledged, by id, in the same transaction that held the
 * lock. An entry that commits after a batch was read (with a lower id than some of the batch) is
 * simply in the next batch. While Kafka is unreachable nothing is lost: entries wait and the
 * relay retries with a growing backoff, from the first unacknowledged entry on. An entry whose
 * delete did not commit (a crash right after the acknowledgement) is published again; every
 * message carries its {@code eventId}, by which consumers drop the copy.
 *
 * <p>An entry Kafka refuses for what it is ({@link OutboxRefusals}: too large, an invalid topic)
 * would be refused forever. It holds back nothing: the entries after it were sent with it and are
 * deleted as Kafka acknowledges them. After {@code bsocial.outbox.max-attempts} refusals it is set
 * aside ({@code outbox_set_aside}) until an operator re-publishes it ({@link OutboxEndpoint}).
 */
@Component
class OutboxRelay extends WorkerThread {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final OutboxRepository outbox;
    private final KafkaTemplate<String, String> kafka;
    private final KafkaAdmin admin;
    private final TransactionTemplate transactions;
    private final OutboxProperties properties;
    private final Clock clock;
    private volatile boolean topicsReady;
    private volatile String lastError;
    private volatile Instant lastPublishedAt;

    OutboxRelay(OutboxRepository outbox, KafkaTemplate<String, String> kafka, KafkaAdmin admin,
            TransactionTemplate transactions, OutboxProperties properties, Clock clock) {
        super("outbox-relay");
        this.outbox = outbox;
        this.kafka = kafka;
        this.admin = admin;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    String lastError() {
        return lastError;
    }

    Instant lastPublishedAt() {
        return lastPublishedAt;
    }

    @Override
    protected void work() {
        Duration backoff = properties.initialBackoff();
        boolean retrying = false;
        while (isRunning()) {
            try {
                if (retrying) {
                    forgetWakeUps();
                } else {
                    awaitWork(properties.pollInterval());
                }
                drain();
                retrying = false;
                backoff = properties.initialBackoff();
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException failure) {
                // Health shows a plain sentence; the cause goes to the log only.
                lastError = "publishing failed at " + clock.instant() + ", retrying";
                log.warn("outbox relay could not publish, retrying in {} ms: {}", backoff.toMillis(),
                        failure.toString());
                if (!pause(backoff)) {
                    return;
                }
                retrying = true;
                backoff = backoff.multipliedBy(2).compareTo(properties.maxBackoff()) > 0
                        ? properties.maxBackoff() : backoff.multipliedBy(2);
            }
        }
    }

    private static boolean pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return true;
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Publishes batches until the outbox is empty (or another instance holds the lock). */
    void drain() {
        if (!topicsReady) {
            // Topics are declared at start-up; when Kafka was away then, create them now
            // (this throws while Kafka is still away, which backs off like a failed send).
            topicsReady = admin.initialize();
        }
        BatchResult result;
        do {
            result = transactions.execute(status -> publishBatch());
            if (result.failure() != null) {
                throw result.failure();
            }
        } while ((result.published() == properties.batchSize() || result.setAside()) && isRunning());
    }

    private BatchResult publishBatch() {
        if (!outbox.lockRelay()) {
            return new BatchResult(0, null, false);
        }
        List<OutboxEntry> batch = outbox.oldest(properties.batchSize());
        if (batch.isEmpty()) {
            return new BatchResult(0, null, false);
        }
        List<CompletableFuture<SendResult<String, String>>> sends = new ArrayList<>();
        for (OutboxEntry entry : batch) {
            try {
                sends.add(kafka.send(new ProducerRecord<>(entry.topic(), entry.key(), entry.payload())));
            } catch (RuntimeException refused) {
                sends.add(CompletableFuture.failedFuture(refused));
                break;
            }
        }
        List<Long> acknowledged = new ArrayList<>();
        RuntimeException failure = null;
        RuntimeException refusal = null;
        boolean setAside = false;
        for (int i = 0; i < sends.size() && failure == null; i++) {
            OutboxEntry entry = batch.get(i);
            try {
                sends.get(i).get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                acknowledged.add(entry.id());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = new IllegalStateException("interrupted while publishing", e);
            } catch (Exception notAcknowledged) {
                Throwable cause = notAcknowledged instanceof ExecutionException && notAcknowledged.getCause() != null
                        ? notAcknowledged.getCause() : notAcknowledged;
                if (!OutboxRefusals.refusesTheEntry(cause)) {
                    // Kafka away or struggling: what follows waits, in order, for the next round.
                    failure = new IllegalStateException("Kafka did not acknowledge " + entry.topic(), cause);
                } else if (refused(entry, cause)) {
                    setAside = true;
                } else {
                    refusal = new IllegalStateException("Kafka refused outbox entry " + entry.id(), cause);
                }
            }
        }
        if (!acknowledged.isEmpty()) {
            outbox.delete(acknowledged);
            lastPublishedAt = clock.instant();
            if (failure == null && refusal == null) {
                lastError = null;
            }
        }
        return new BatchResult(acknowledged.size(), failure != null ? failure : refusal, setAside);
    }

    /**
     * Counts a refusal of the entry; true when that was the last try and the entry is set aside.
     * The log line names the entry, never its payload (user content).
     */
    private boolean refused(OutboxEntry entry, Throwable cause) {
        String reason = OutboxRefusals.describe(cause);
        int attempts = outbox.refused(entry.id(), reason);
        if (attempts < properties.maxAttempts()) {
            log.warn("Kafka refused outbox entry {} (event {} on {}), try {} of {}: {}", entry.id(), entry.eventId(),
                    entry.topic(), attempts, properties.maxAttempts(), reason);
            return false;
        }
        outbox.setAside(entry.id(), SqlTime.now(clock));
        log.error("outbox entry {} (event {} on {}, key {}) set aside after {} refusals: {}; "
                + "re-publish it with POST /actuator/outbox/{}", entry.id(), entry.eventId(), entry.topic(),
                entry.key(), attempts, reason, entry.id());
        return true;
    }

    private record BatchResult(int published, RuntimeException failure, boolean setAside) {
    }
}
