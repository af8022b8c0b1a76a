package io.bsocial.notifier.live.internal;

import io.bsocial.notifier.live.NotifierProperties;
import java.util.List;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketTransportRegistration;
import org.springframework.web.socket.server.support.HttpSessionHandshakeInterceptor;

/**
 * STOMP over WebSocket at {@code /ws}. The handshake is an HTTP request that Spring Security has
 * authenticated from the shared session (anonymous ones are refused), its {@code Origin} must be
 * one of {@code bsocial.notifier.allowed-origins}, and the socket remembers its HTTP session so
 * that it can be closed when that session ends. Which frames a client may send afterwards is
 * {@link StompSecurityConfig}'s business.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocketMessageBroker
class WebSocketConfig implements WebSocketMessageBrokerConfigurer {

    static final String NOTIFICATIONS = "/queue/notifications";
    static final String FEED = "/queue/feed";

    /**
     * The only destinations a client may subscribe to, exactly as written: its own user
     * destinations from the contract. Everything else the server publishes, clients only receive.
     */
    static final List<String> CLIENT_SUBSCRIPTIONS = List.of("/user" + NOTIFICATIONS, "/user" + FEED);

    private final NotifierProperties properties;
    private final OpenSockets sockets;
    private final ConnectCsrf connectCsrf;
    private final TaskScheduler heartbeats;

    /** Heartbeats run on the scheduler the broker configuration already declares (lazily: it is built after this). */
    WebSocketConfig(NotifierProperties properties, OpenSockets sockets, ConnectCsrf connectCsrf, @Lazy @Qualifier("messageBrokerTaskScheduler") TaskScheduler heartbeats) {
        this.properties = properties;
        this.sockets = sockets;
        this.connectCsrf = connectCsrf;
        this.heartbeats = heartbeats;
    }

    @Override
    public void registerStompEndpoints(StompEndpointRegistry registry) {
        registry.addEndpoint("/ws")
                .setAllowedOriginPatterns(properties.allowedOrigins().toArray(String[]::new))
                .addInterceptors(new HttpSessionHandshakeInterceptor(), connectCsrf);
        registry.setErrorHandler(new RefusedFrames());
    }

    /**
     * The broker holds only the {@code /queue} destinations that user destinations resolve to
     * ({@code /user/queue/notifications} becomes a queue of one session). There are no application
     * destinations ({@code /app}): nothing here handles a client's SEND, and every SEND is refused.
     */
    @Override
    public void configureMessageBroker(MessageBrokerRegistry registry) {
        registry.enableSimpleBroker("/queue").setHeartbeatValue(new long[] {10_000, 10_000})
                .setTaskScheduler(heartbeats);
        registry.setUserDestinationPrefix("/user");
    }

    /**
     * Client frames are handled on the thread that read them, one after the other, instead of on a
     * pool. So a SUBSCRIBE has reached the broker before its {@code SessionSubscribeEvent} is
     * published: when Spring's user registry (and {@link ReadySubscribers}) say a user listens, a
     * push reaches them, and the catch-up that follows the event is sent to a held subscription.
     * Clients send few frames (CONNECT, SUBSCRIBE, heartbeats); the server's own pushes do not pass here.
     */
    @Override
    public void configureClientInboundChannel(ChannelRegistration registration) {
        registration.executor(new SyncTaskExecutor());
    }

    @Override
    public void configureWebSocketTransport(WebSocketTransportRegistration registration) {
        registration.addDecoratorFactory(sockets);
    }
}
