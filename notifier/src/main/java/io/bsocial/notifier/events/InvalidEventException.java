package io.bsocial.notifier.events;

/** A message that can never be processed: sent to the dead-letter topic, never retried. */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String reason) {
        super(reason);
    }
}
