package io.bsocial.indexer.ingest.internal;

/** A message that can never become a document: it goes to the dead-letter topic with this reason. */
class UnindexableEventException extends RuntimeException {

    UnindexableEventException(String reason) {
        super(reason);
    }
}
