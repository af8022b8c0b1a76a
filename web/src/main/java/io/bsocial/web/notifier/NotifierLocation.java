package io.bsocial.web.notifier;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

import io.bsocial.web.notifier.internal.NotifierProperties;

/** The notifier's address as a page loaded by {@code request} must use it: HTTP and WebSocket. */
@Component
public class NotifierLocation {

    private final NotifierProperties properties;

    NotifierLocation(NotifierProperties properties) {
        this.properties = properties;
    }

    public String httpUrl(HttpServletRequest request) {
        if (properties.publicUrl() != null && !properties.publicUrl().isBlank()) {
            return properties.publicUrl().replaceAll("/+$", "");
        }
        String host = request.getServerName();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return request.getScheme() + "://" + host + ":" + properties.port();
    }

    public String webSocketUrl(HttpServletRequest request) {
        return httpUrl(request).replaceFirst("^http", "ws") + "/ws";
    }

    public long pollMillis() {
        return properties.pollInterval().toMillis();
    }

    /** The origins for the page's Content-Security-Policy {@code connect-src}. */
    public String connectSources(HttpServletRequest request) {
        String http = httpUrl(request);
        return http + " " + http.replaceFirst("^http", "ws");
    }
}
