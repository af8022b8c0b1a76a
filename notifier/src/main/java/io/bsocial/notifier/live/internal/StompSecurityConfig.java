package io.bsocial.notifier.live.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.socket.EnableWebSocketSecurity;
import org.springframework.security.messaging.access.intercept.MessageMatcherDelegatingAuthorizationManager;
import org.springframework.security.messaging.util.matcher.MessageMatcher;

/**
 * Authorizes every frame a client sends, not only the handshake: only the server publishes. A
 * client may CONNECT, SUBSCRIBE to one of {@link WebSocketConfig#CLIENT_SUBSCRIPTIONS},
 * UNSUBSCRIBE, send heartbeats and DISCONNECT; any SEND and any other subscription is refused with
 * an ERROR frame (and the socket closed), before it reaches the broker.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocketSecurity
class StompSecurityConfig {

    /**
     * Subscriptions are compared as exact strings rather than path patterns: a pattern matcher
     * decodes {@code %xx} and drops {@code ;params}, so {@code /user/queue/notifications;x} would pass
     * while the broker sees another destination.
     */
    private static final MessageMatcher<Object> OWN_SUBSCRIPTION = message ->
            SimpMessageHeaderAccessor.getMessageType(message.getHeaders()) == SimpMessageType.SUBSCRIBE
                    && WebSocketConfig.CLIENT_SUBSCRIPTIONS.contains(
                            SimpMessageHeaderAccessor.getDestination(message.getHeaders()));

    @Bean
    AuthorizationManager<Message<?>> messageAuthorizationManager() {
        return MessageMatcherDelegatingAuthorizationManager.builder()
                .simpTypeMatchers(SimpMessageType.CONNECT).authenticated()
                .matchers(OWN_SUBSCRIPTION).authenticated()
                // These only end what the caller itself started. The server also sends itself a
                // DISCONNECT when a socket closes: refusing it would leave subscriptions behind.
                .simpTypeMatchers(SimpMessageType.HEARTBEAT, SimpMessageType.UNSUBSCRIBE,
                        SimpMessageType.DISCONNECT).permitAll()
                .anyMessage().denyAll()
                .build();
    }

    /**
     * Spring Security looks for its CSRF check on CONNECT under this bean name; ours exempts only
     * sockets whose handshake was authenticated by {@code X-Auth-Token}.
     */
    @Bean("csrfChannelInterceptor")
    ConnectCsrf connectCsrf() {
        return new ConnectCsrf();
    }
}
