package io.bsocial.notifier.notification;

/** Who wants to know when a notification was stored (the live WebSocket delivery). */
public interface NotificationListeners {

    void created(Notification notification, long recipientId, String recipientUsername);
}
