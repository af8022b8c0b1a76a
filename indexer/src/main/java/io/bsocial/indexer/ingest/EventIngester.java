package io.bsocial.indexer.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.bsocial.shared.events.EventTopics;

/**
 * Every bSocial event into OpenSearch, in batches: valid events are bulk-written, messages that
 * can never be documents go to the dead-letter topic, and the batch's offsets are committed only
 * when both are done. A failure of OpenSearch itself is thrown, and the error handler retries the
 * same batch with a growing pause until it succeeds.
 */
@Component
class EventIngester {

    private final BulkWriter writer;
    private final DeadLetters deadLetters;

    EventIngester(BulkWriter writer, DeadLetters deadLetters) {
        this.writer = writer;
        this.deadLetters = deadLetters;
    }

    @KafkaListener(batch = "true", topics = {
            EventTopics.USER_REGISTERED, EventTopics.USER_LOGGED_IN, EventTopics.USER_LOGGED_OUT,
            EventTopics.USER_FOLLOWED, EventTopics.USER_UNFOLLOWED, EventTopics.POST_CREATED,
            EventTopics.COMMENT_CREATED})
    void ingest(List<ConsumerRecord<String, String>> records) {
        List<EventDocument> documents = new ArrayList<>();
        List<ConsumerRecord<String, String>> unreadable = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                documents.add(EventDocument.of(record));
            } catch (UnindexableEventException invalid) {
                unreadable.add(record);
                reasons.add(invalid.getMessage());
            }
        }
        List<BulkWriter.Rejected> rejected = documents.isEmpty() ? List.of() : write(documents);
        for (int i = 0; i < unreadable.size(); i++) {
            deadLetters.send(unreadable.get(i), reasons.get(i));
        }
        for (BulkWriter.Rejected refused : rejected) {
            deadLetters.send(refused.document().record(), refused.reason());
        }
    }

    private List<BulkWriter.Rejected> write(List<EventDocument> documents) {
        try {
            return writer.write(documents);
        } catch (IOException unavailable) {
            throw new UncheckedIOException(unavailable);
        }
    }
}
