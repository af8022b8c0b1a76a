package io.bsocial.indexer.ingest.internal;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A message that can never become a document, and why: it goes to the dead-letter topic. */
record Unindexable(ConsumerRecord<String, String> record, String reason) {
}
