package io.bsocial.notifier.notification.internal;

/** A query parameter the API cannot use: answered as a 400 problem document naming it. */
class InvalidRequestException extends RuntimeException {

    private final String parameter;

    InvalidRequestException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    String parameter() {
        return parameter;
    }
}
