package io.bsocial.notifier.notification;

/** The live WebSocket delivery of this instance, as the comment consumer sees it. */
public interface LiveDelivery {

    /** Whether the user has a socket on this instance that listens for notifications. */
    boolean isListening(String username);

    /** Pushes a stored notification to the recipient's sockets on this instance. */
    void created(Notification notification, String recipientUsername);
}
