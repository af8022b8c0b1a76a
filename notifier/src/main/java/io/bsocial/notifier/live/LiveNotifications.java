package io.bsocial.notifier.live;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionSubscribeEvent;

import io.bsocial.notifier.notification.Notification;
import io.bsocial.notifier.notification.NotificationRepository;
import io.bsocial.notifier.notification.NotificationRepository.Delivery;
import io.bsocial.notifier.notification.StoredNotifications;
import io.bsocial.shared.security.SessionUser;

/**
 * Pushes notifications to the sockets open on this instance, through Spring's user destinations
 * (the simple broker sends to the recipient's subscribed sessions here, and drops what nobody here
 * listens to). A pushed notification counts as delivered, so HTTP never returns it afterwards;
 * one HTTP already returned is never pushed.
 *
 * <p>Two ways lead to a socket, and the database decides between them, per instance: the push of
 * every stored notification (read from {@link StoredNotifications#TOPIC} in a group of this
 * instance's own), and the catch-up of a tab that subscribes (what is still undelivered). Both
 * claim the row for this instance before sending, so a tab that subscribes while a push is under
 * way gets the notification once, from whichever claimed it.
 */
@Component
class LiveNotifications {

    /** Names this instance's claims in {@code delivered_by}; new at every start. */
    private final String instance = UUID.randomUUID().toString();

    private final SimpMessagingTemplate messaging;
    private final ReadySubscribers subscribers;
    private final NotificationRepository notifications;
    private final Clock clock;

    LiveNotifications(SimpMessagingTemplate messaging, ReadySubscribers subscribers,
            NotificationRepository notifications, Clock clock) {
        this.messaging = messaging;
        this.subscribers = subscribers;
        this.notifications = notifications;
        this.clock = clock;
    }

    /**
     * A notification was stored (by whichever instance): push it to the recipient's sockets here.
     * Nobody listening here claims nothing, so it waits for another instance's push, a subscribe or
     * HTTP.
     */
    @KafkaListener(topics = StoredNotifications.TOPIC, groupId = "bsocial-notifier-push-${random.uuid}",
            properties = "auto.offset.reset=latest")
    void push(String message) {
        StoredNotifications.Stored stored = StoredNotifications.Stored.read(message);
        if (stored.isRetraction()) {
            // Nothing to claim: the rows are gone. Every socket of the recipient here drops them.
            if (subscribers.isReady(stored.recipientUsername())) {
                messaging.convertAndSendToUser(stored.recipientUsername(), WebSocketConfig.NOTIFICATIONS,
                        new Retraction(stored.retracted()));
            }
            return;
        }
        if (subscribers.isReady(stored.recipientUsername())
                && notifications.claimForSockets(stored.notification().id(), instance, clock.instant())) {
            send(stored.recipientUsername(), stored.notification());
        }
    }

    /**
     * A tab subscribed to its notifications: what waited for the user goes to their sockets here.
     * The event is published after the broker registered the subscription (see
     * {@link WebSocketConfig}), so the tab receives what is sent now.
     */
    @EventListener
    void caughtUp(SessionSubscribeEvent event) {
        StompHeaderAccessor stomp = StompHeaderAccessor.wrap(event.getMessage());
        if (("/user" + WebSocketConfig.NOTIFICATIONS).equals(stomp.getDestination())
                && stomp.getUser() instanceof Authentication authentication
                && authentication.getPrincipal() instanceof SessionUser me) {
            for (Notification waiting : notifications.claimUndelivered(me.id(), Delivery.socket(instance),
                    clock.instant())) {
                send(me.username(), waiting);
            }
        }
    }

    /** What a socket gets when notifications are taken back: {@code {"type":"retracted","ids":[…]}}. */
    record Retraction(String type, List<Long> ids) {

        Retraction(List<Long> ids) {
            this("retracted", ids);
        }
    }

    private void send(String username, Notification notification) {
        messaging.convertAndSendToUser(username, WebSocketConfig.NOTIFICATIONS, notification);
    }
}
