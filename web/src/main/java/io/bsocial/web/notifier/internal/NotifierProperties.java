package io.bsocial.web.notifier.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where browsers reach the notifier. {@code publicUrl} when set (behind a proxy, e.g.
 * {@code https://notify.example.com}); otherwise the host the page was loaded from, on {@code port},
 * so that the session cookie (host-scoped, SameSite=Lax) goes along. {@code pollInterval}: how
 * often the bell asks over HTTP while its WebSocket cannot connect.
 * <p>
 * Where web itself reaches it: {@code internalUrl} (default {@code http://localhost:<port>}), asked
 * for the notifications page's first page while the page renders, for at most
 * {@code firstPageTimeout}; past that the page's script asks instead.
 */
@ConfigurationProperties("bsocial.notifier")
public record NotifierProperties(String publicUrl, @DefaultValue("8081") int port,
        @DefaultValue("15s") Duration pollInterval, String internalUrl,
        @DefaultValue("300ms") Duration firstPageTimeout) {

    String internalBase() {
        String base = internalUrl == null || internalUrl.isBlank() ? "http://localhost:" + port : internalUrl;
        return base.replaceAll("/+$", "");
    }
}
