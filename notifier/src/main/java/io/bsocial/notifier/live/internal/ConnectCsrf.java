package io.bsocial.notifier.live.internal;

import java.util.Map;

import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.security.messaging.web.csrf.XorCsrfChannelInterceptor;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

import io.bsocial.shared.security.CookieOrTokenSessionIdResolver;

/**
 * The CSRF check on STOMP CONNECT. Any site can make a browser open a WebSocket that carries the
 * session cookie; the {@code Origin} check refuses foreign pages, and the CSRF token is the second
 * lock: only a page of web knows it (it lives in the shared session) and sends it, masked as
 * Spring Security masks it, in the CONNECT headers. A handshake authenticated by
 * {@code X-Auth-Token} carries no ambient credential (a browser cannot set headers on a WebSocket
 * handshake, and that header alone names the session), so its CONNECT needs no token, as HTTP
 * calls with the header need none.
 */
final class ConnectCsrf implements HandshakeInterceptor, ChannelInterceptor {

    /** Set on the socket when the handshake named its session by header. */
    static final String BY_TOKEN_HEADER = ConnectCsrf.class.getName() + ".BY_TOKEN_HEADER";

    private final ChannelInterceptor maskedToken = new XorCsrfChannelInterceptor();

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
            Map<String, Object> socketAttributes) {
        if (request instanceof ServletServerHttpRequest servlet
                && CookieOrTokenSessionIdResolver.usesToken(servlet.getServletRequest())) {
            socketAttributes.put(BY_TOKEN_HEADER, Boolean.TRUE);
        }
        return true;
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
            Exception failure) {
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        Map<String, Object> socket = SimpMessageHeaderAccessor.getSessionAttributes(message.getHeaders());
        if (socket != null && Boolean.TRUE.equals(socket.get(BY_TOKEN_HEADER))) {
            return message;
        }
        return maskedToken.preSend(message, channel);
    }
}
