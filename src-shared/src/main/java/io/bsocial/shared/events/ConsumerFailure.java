package io.bsocial.shared.events;

/**
 * What a consumer's failure says about the message, which decides how often it is tried. Each
 * consuming service classifies its own failures in one place; {@link ConsumerErrorHandlers} turns
 * the answer into retries and dead letters.
 */
public enum ConsumerFailure {

    /** The message can never be processed as it is (unreadable, missing fields): dead-lettered at once. */
    INVALID,

    /**
     * The message was read but its content was refused (a constraint violation, a mapping
     * rejection, a bad value), or the failure is of no known kind: tried a bounded number of times,
     * then dead-lettered, so that it never stalls its partition.
     */
    DATA,

    /**
     * Something the service depends on is away or overloaded (database, search node, broker): the
     * message is not at fault, so it is retried for as long as it takes and nothing is skipped.
     */
    INFRASTRUCTURE
}
