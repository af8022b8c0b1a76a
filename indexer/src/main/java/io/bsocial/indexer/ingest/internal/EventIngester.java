package io.bsocial.indexer.ingest.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;


/**
 * Every bSocial event into OpenSearch, in batches: valid events are bulk-written, what deleted
 * posts and comments cover is erased ({@link Erasure}), messages that can never be documents go to
 * the dead-letter topic, and the batch's offsets are committed only when all are done. A failure
 * of OpenSearch itself is thrown, and the error handler retries the same batch with a growing
 * pause until it succeeds.
 */
@Component
class EventIngester {

    private final BulkWriter writer;
    private final Erasure erasure;
    private final DeadLetters deadLetters;

    EventIngester(BulkWriter writer, Erasure erasure, DeadLetters deadLetters) {
        this.writer = writer;
        this.erasure = erasure;
        this.deadLetters = deadLetters;
    }

    /** Every event topic (EventTopics.ALL): a new event type is indexed without a change here. */
    @KafkaListener(batch = "true", topics = "#{T(io.bsocial.shared.events.EventTopics).ALL}")
    void ingest(List<ConsumerRecord<String, String>> records) {
        List<EventDocument> documents = new ArrayList<>();
        List<Unindexable> unreadable = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                documents.add(EventDocument.of(record));
            } catch (UnindexableEventException invalid) {
                unreadable.add(new Unindexable(record, invalid.getMessage()));
            }
        }
        // Dead letters go out only after the bulk write succeeded: a retried batch sends none twice.
        List<Unindexable> refused = documents.isEmpty() ? List.of() : write(documents, Erasure.holdsDeletions(documents));
        sweep(documents);
        for (Unindexable dead : unreadable) {
            deadLetters.send(dead.record(), dead.reason());
        }
        for (Unindexable dead : refused) {
            deadLetters.send(dead.record(), dead.reason());
        }
    }

    /**
     * Writes the documents; answers those OpenSearch refused. When it refuses the whole request
     * without naming a document, the batch is written in halves until the document at fault is
     * alone: a handful of extra requests for one bad document, never a stalled partition. Writing
     * a document twice is harmless ({@code _id} = eventId).
     */
    private List<Unindexable> write(List<EventDocument> documents, boolean refresh) {
        try {
            return writer.write(documents, refresh);
        } catch (IOException unavailable) {
            throw new UncheckedIOException(unavailable);
        } catch (BulkRefusedException refused) {
            if (documents.size() == 1) {
                return List.of(new Unindexable(documents.get(0).record(), refused.getMessage()));
            }
            int half = documents.size() / 2;
            List<Unindexable> rejected = new ArrayList<>(write(documents.subList(0, half), refresh));
            rejected.addAll(write(documents.subList(half, documents.size()), refresh));
            return rejected;
        }
    }

    /** Deleted posts and comments erase what they cover, also what this batch just brought back. */
    private void sweep(List<EventDocument> written) {
        try {
            erasure.sweep(written);
        } catch (IOException unavailable) {
            throw new UncheckedIOException(unavailable);
        }
    }
}
