package io.bsocial.web.security.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.header.HeaderWriter;
import org.springframework.stereotype.Component;

import io.bsocial.web.notifier.NotifierLocation;

/**
 * Scripts and styles only from our own origin (no inline scripts, no eval): user content that
 * slipped into a page could not run. Pages may connect to the notifier (HTTP and WebSocket).
 */
@Component
class ContentSecurityPolicy implements HeaderWriter {

    private final NotifierLocation notifier;

    ContentSecurityPolicy(NotifierLocation notifier) {
        this.notifier = notifier;
    }

    @Override
    public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", String.join("; ",
                "default-src 'self'",
                "script-src 'self'",
                "style-src 'self'",
                "img-src 'self' data:",
                "font-src 'self' data:",
                "connect-src 'self' " + notifier.connectSources(request),
                "object-src 'none'",
                "base-uri 'self'",
                "form-action 'self'",
                "frame-ancestors 'none'"));
    }
}
