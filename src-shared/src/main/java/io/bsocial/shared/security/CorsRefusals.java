package io.bsocial.shared.security;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.filter.CorsFilter;

import io.bsocial.shared.web.Problems;

/**
 * CORS whose refusals are problem documents: Spring's processor answers a refused request with a
 * text/plain "Invalid CORS request", and an {@code Origin} it cannot parse (a port out of range,
 * a bad escape) escaped as an exception, a 500 with a stack trace in the log. Here both are a 403
 * problem document: an {@code Origin} that is no origin is refused before Spring parses it.
 */
public final class CorsRefusals extends DefaultCorsProcessor {

    static final String DETAIL = "This origin may not call bSocial from a web page.";

    /** A filter for a chain ({@code http.addFilter(…)}) that answers CORS from {@code source}. */
    public static CorsFilter filter(CorsConfigurationSource source) {
        CorsFilter filter = new CorsFilter(source);
        filter.setCorsProcessor(new CorsRefusals());
        return filter;
    }

    /**
     * For a service no other origin may call: every cross-origin preflight is refused; other
     * requests pass untouched (same-origin pages, and the CSRF token guards their writes).
     */
    public static CorsFilter refusingEveryPreflight() {
        CorsConfiguration nothingAllowed = new CorsConfiguration();
        return filter(request -> CorsUtils.isPreFlightRequest(request) ? nothingAllowed : null);
    }

    @Override
    public boolean processRequest(@Nullable CorsConfiguration config, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (config != null && origin != null && !isOrigin(origin)) {
            rejectRequest(new ServletServerHttpResponse(response));
            return false;
        }
        return super.processRequest(config, request, response);
    }

    /**
     * Whether {@code value} is a serialized origin a browser sends: {@code http} or {@code https},
     * a host, an optional port in range, nothing else (no path, user part or query; not
     * {@code null}). Spring's parser throws on some of the rest (a bad escape, a port out of range).
     */
    public static boolean isOrigin(String value) {
        try {
            URI uri = new URI(value);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null && uri.getRawUserInfo() == null && uri.getRawPath().isEmpty()
                    && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getPort() <= 65_535;
        } catch (URISyntaxException notAnOrigin) {
            return false;
        }
    }

    /** Always a servlet response here (a {@link CorsFilter} made it from one). */
    @Override
    protected void rejectRequest(ServerHttpResponse response) throws IOException {
        Problems.write(((ServletServerHttpResponse) response).getServletResponse(), HttpStatus.FORBIDDEN, DETAIL);
    }
}
