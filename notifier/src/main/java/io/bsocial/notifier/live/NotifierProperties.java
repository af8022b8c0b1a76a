package io.bsocial.notifier.live;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code allowedOrigins}: the origins (patterns allowed, e.g. {@code http://localhost:*}) of web
 * pages that may open the WebSocket and call the HTTP API with their session cookie.
 * {@code sessionCheck}: how often open sockets are checked against the session store, so that a
 * socket whose session ended (logout elsewhere, expiry) is closed.
 */
@ConfigurationProperties("bsocial.notifier")
public record NotifierProperties(
        @DefaultValue({"http://localhost:8080", "http://127.0.0.1:8080"}) List<String> allowedOrigins,
        @DefaultValue("5s") Duration sessionCheck) {
}
