package io.bsocial.notifier.live.internal;

import org.springframework.messaging.Message;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.web.socket.messaging.StompSubProtocolErrorHandler;

/**
 * The ERROR frame sent for a frame the server refused says why in a fixed sentence. Spring's
 * default copies the exception's message, which names internal classes (the inbound channel).
 */
final class RefusedFrames extends StompSubProtocolErrorHandler {

    static final String CSRF = "Missing or invalid CSRF token: send the page's token in CONNECT.";
    static final String DENIED = "Refused: clients may only subscribe to " + WebSocketConfig.CLIENT_SUBSCRIPTIONS
            + "; only the server sends messages.";
    static final String FAILED = "The frame could not be processed.";

    @Override
    protected Message<byte[]> handleInternal(StompHeaderAccessor error, byte[] payload, Throwable cause,
            StompHeaderAccessor client) {
        if (cause != null) {
            error.setMessage(reason(cause));
        }
        return super.handleInternal(error, payload, cause, client);
    }

    private static String reason(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof CsrfException) {
                return CSRF;
            }
            if (t instanceof AccessDeniedException) {
                return DENIED;
            }
        }
        return FAILED;
    }
}
