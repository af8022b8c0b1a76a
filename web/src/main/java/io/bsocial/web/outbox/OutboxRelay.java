package io.bsocial.web.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves events from the outbox to Kafka: oldest first, one instance at a time (the relay lock),
 * deleting exactly the entries Kafka acknowledged, by id, in the same transaction that held the
 * lock. An entry that commits after a batch was read (with a lower id than some of the batch) is
 * simply in the next batch. While Kafka is
 * unreachable nothing is lost: entries wait and the relay retries with a growing backoff. An
 * entry whose delete did not commit (a crash right after the acknowledgement) is published
 * again; every message carries its {@code eventId}, by which consumers drop the copy.
 */
@Component
class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final OutboxRepository outbox;
    private final KafkaTemplate<String, String> kafka;
    private final KafkaAdmin admin;
    private final TransactionTemplate transactions;
    private final OutboxProperties properties;
    private final Clock clock;
    private final Semaphore wakeUps = new Semaphore(0);

    private volatile boolean running;
    private volatile Thread worker;
    private volatile boolean topicsReady;
    private volatile String lastError;
    private volatile Instant lastPublishedAt;

    OutboxRelay(OutboxRepository outbox, KafkaTemplate<String, String> kafka, KafkaAdmin admin,
            TransactionTemplate transactions, OutboxProperties properties, Clock clock) {
        this.outbox = outbox;
        this.kafka = kafka;
        this.admin = admin;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /** Called after a commit that added entries: publish now rather than at the next poll. */
    void wakeUp() {
        wakeUps.release();
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        Thread current = worker;
        if (current != null) {
            current.interrupt();
            try {
                current.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        worker = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    String lastError() {
        return lastError;
    }

    Instant lastPublishedAt() {
        return lastPublishedAt;
    }

    private void run() {
        Duration backoff = properties.initialBackoff();
        boolean retrying = false;
        while (running) {
            try {
                if (!retrying) {
                    wakeUps.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                }
                wakeUps.drainPermits();
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
        } while (result.published() == properties.batchSize() && running);
    }

    private BatchResult publishBatch() {
        if (!outbox.lockRelay()) {
            return new BatchResult(0, null);
        }
        List<OutboxEntry> batch = outbox.oldest(properties.batchSize());
        if (batch.isEmpty()) {
            return new BatchResult(0, null);
        }
        List<CompletableFuture<SendResult<String, String>>> sends = new java.util.ArrayList<>();
        RuntimeException failure = null;
        for (OutboxEntry entry : batch) {
            try {
                sends.add(kafka.send(new ProducerRecord<>(entry.topic(), entry.key(), entry.payload())));
            } catch (RuntimeException refused) {
                failure = refused;
                break;
            }
        }
        // Only the acknowledged prefix is deleted, so what remains keeps its order.
        int acknowledged = 0;
        for (CompletableFuture<SendResult<String, String>> send : sends) {
            try {
                send.get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                acknowledged++;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = new IllegalStateException("interrupted while publishing", e);
                break;
            } catch (Exception notAcknowledged) {
                failure = new IllegalStateException("Kafka did not acknowledge " + batch.get(acknowledged).topic(),
                        notAcknowledged.getCause() == null ? notAcknowledged : notAcknowledged.getCause());
                break;
            }
        }
        if (acknowledged > 0) {
            outbox.delete(batch.subList(0, acknowledged).stream().map(OutboxEntry::id).toList());
            lastPublishedAt = clock.instant();
            if (failure == null) {
                lastError = null;
            }
        }
        return new BatchResult(acknowledged, failure);
    }

    private record BatchResult(int published, RuntimeException failure) {
    }
}
