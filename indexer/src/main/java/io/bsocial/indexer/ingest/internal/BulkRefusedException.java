package io.bsocial.indexer.ingest.internal;

/**
 * OpenSearch refused a whole bulk request for what it holds (HTTP 400 or 413: a document whose
 * {@code _id} is too long, a body too large), without saying which document. The ingester splits
 * the batch until the document at fault is alone.
 */
class BulkRefusedException extends RuntimeException {

    BulkRefusedException(String reason) {
        super(reason);
    }
}
