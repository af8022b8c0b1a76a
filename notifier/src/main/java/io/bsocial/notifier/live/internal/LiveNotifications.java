package io.bsocial.notifier.live.internal;

import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.annotation.PartitionOffset;
import org.springframework.kafka.annotation.TopicPartition;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionSubscribeEvent;

import io.bsocial.notifier.notification.Deliveries;
import io.bsocial.notifier.notification.Notification;
import io.bsocial.notifier.notification.StoredNotifications;
import io.bsocial.shared.security.SessionUser;

/**
 * Pushes notifications to the sockets open on this instance. A pushed notification counts as
 * delivered, so HTTP never returns it afterwards; one HTTP already returned is never pushed. The
 * database decides that, by one rule ({@link Deliveries}); which socket of this instance already
 * heard a notification, {@link OpenSockets} remembers, so no tab hears one twice.
 *
 * <p>Two ways lead to a socket: the push of every stored notification (this instance hears all of
 * {@link StoredNotifications#TOPIC}, see {@link InstanceListeners}), if its recipient listens here; and the catch-up of a tab that
 * subscribes (what is still undelivered). A person's tabs on two instances each get the push.
 */
@Component
class LiveNotifications {

    private final ReadySubscribers subscribers;
    private final Deliveries deliveries;
    private final OpenSockets sockets;
    private final SimpMessagingTemplate messaging;

    LiveNotifications(ReadySubscribers subscribers, Deliveries deliveries, OpenSockets sockets,
            SimpMessagingTemplate messaging) {
        this.subscribers = subscribers;
        this.deliveries = deliveries;
        this.sockets = sockets;
        this.messaging = messaging;
    }

    /**
     * A notification was stored or retracted (by whichever instance): to the recipient's sockets
     * here. Nobody listening here claims nothing, so it waits for a subscribe or HTTP.
     */
    @KafkaListener(containerFactory = InstanceListeners.FACTORY, topicPartitions = @TopicPartition(topic = StoredNotifications.TOPIC, partitions = InstanceListeners.EVERY_PARTITION,
            partitionOffsets = @PartitionOffset(partition = "*", initialOffset = "0", seekPosition = "END")))
    void push(String message) {
        StoredNotifications.Stored stored = StoredNotifications.Stored.read(message);
        String recipient = stored.recipientUsername();
        if (subscribers.sessions(recipient, WebSocketConfig.NOTIFICATIONS).isEmpty()) {
            return;
        }
        if (stored.isRetraction()) {
            // Nothing to claim: the rows are gone. Every socket of the recipient here drops them.
            messaging.convertAndSendToUser(recipient, WebSocketConfig.NOTIFICATIONS, new Retraction(stored.retracted()));
        } else if (deliveries.claimForPush(stored.notification().id())) {
            deliver(recipient, stored.notification());
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
            for (Notification waiting : deliveries.claimUndelivered(me.id(), Deliveries.Via.PUSH)) {
                deliver(me.username(), waiting);
            }
        }
    }

    /** To each socket of the user here that listens and has not heard it yet. */
    private void deliver(String username, Notification notification) {
        for (String session : subscribers.sessions(username, WebSocketConfig.NOTIFICATIONS)) {
            if (sockets.firstHearing(session, notification.id())) {
                SimpMessageHeaderAccessor toSession = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
                toSession.setSessionId(session);
                toSession.setLeaveMutable(true);
                messaging.convertAndSendToUser(username, WebSocketConfig.NOTIFICATIONS, notification,
                        toSession.getMessageHeaders());
            }
        }
    }

    /** What a socket gets when notifications are taken back: {@code {"type":"retracted","ids":[…]}}. */
    record Retraction(String type, List<Long> ids) {

        Retraction(List<Long> ids) {
            this("retracted", ids);
        }
    }
}
