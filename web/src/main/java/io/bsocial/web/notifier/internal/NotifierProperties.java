package io.bsocial.web.notifier.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where browsers reach the notifier. {@code publicUrl} when set (behind a proxy, e.g.
 * {@code https://notify.example.com}); otherwise the host the page was loaded from, on {@code port},
 * so that the session cookie (host-scoped, SameSite=Lax) goes along. {@code pollInterval}: how
 * often the bell asks over HTTP while its WebSocket cannot connect.
 */
@ConfigurationProperties("bsocial.notifier")
public record NotifierProperties(String publicUrl, @DefaultValue("8081") int port,
        @DefaultValue("15s") Duration pollInterval) {
}
