package io.bsocial.notifier.live;

import java.security.Principal;

import org.springframework.context.annotation.Lazy;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.simp.user.UserDestinationMessageHandler;
import org.springframework.messaging.support.ExecutorChannelInterceptor;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import io.bsocial.shared.security.SessionUser;

/**
 * Marks a user ready for pushes and sends what waited for them, as soon as they subscribe to
 * their notifications. It runs after the user-destination handler processed the SUBSCRIBE, when
 * the broker holds the subscription, so nothing sent from now on can arrive before it.
 */
@Component
class PendingOnSubscribe implements ExecutorChannelInterceptor {

    private final LiveNotifications live;
    private final ReadySubscribers subscribers;

    PendingOnSubscribe(@Lazy LiveNotifications live, ReadySubscribers subscribers) {
        this.live = live;
        this.subscribers = subscribers;
    }

    @Override
    public void afterMessageHandled(Message<?> message, MessageChannel channel, MessageHandler handler,
            Exception failure) {
        if (failure != null || !(handler instanceof UserDestinationMessageHandler)) {
            return;
        }
        StompHeaderAccessor stomp = StompHeaderAccessor.wrap(message);
        Principal user = stomp.getUser();
        if (stomp.getCommand() == StompCommand.SUBSCRIBE
                && ("/user" + WebSocketConfig.NOTIFICATIONS).equals(stomp.getDestination())
                && user instanceof Authentication authentication
                && authentication.getPrincipal() instanceof SessionUser me) {
            subscribers.ready(me.username(), stomp.getSessionId());
            live.deliverWaiting(me.id(), me.username());
        }
    }
}
