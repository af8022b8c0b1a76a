package io.bsocial.notifier.security;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.cors.CorsConfiguration;

import io.bsocial.shared.security.CookieOrTokenSessionIdResolver;
import io.bsocial.shared.security.CorsRefusals;

/**
 * Which requests to the API and the WebSocket come from a page the notifier does not serve. Matches
 * (so the chain refuses, 403) when:
 * <ul>
 * <li>{@code Origin} is given more than once, is no origin at all ({@code null}, {@code %%},
 * {@code http://[::1}, a path or a user part, a port out of range), or is not one of
 * {@code bsocial.notifier.allowed-origins};</li>
 * <li>or, without {@code Origin}, a request authenticated by the session cookie says it is
 * cross-site or same-site ({@code Sec-Fetch-Site}): a link or an image on another site (or on a
 * neighbour of the same site) would otherwise spend the victim's cookie, and
 * {@code GET /api/notifications} marks what it answers delivered.</li>
 * </ul>
 * The pages of web call with an allowed {@code Origin}; scripts name their session with
 * {@code X-Auth-Token}, which no other page can make a browser send.
 */
final class PageOrigins implements RequestMatcher {

    private static final Set<String> OTHER_SITES = Set.of("cross-site", "same-site");

    private final RequestMatcher guarded = new OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/api/**"),
            PathPatternRequestMatcher.withDefaults().matcher("/ws/**"));
    private final CorsConfiguration allowed;

    PageOrigins(CorsConfiguration allowed) {
        this.allowed = allowed;
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        if (!guarded.matches(request)) {
            return false;
        }
        List<String> origins = Collections.list(request.getHeaders(HttpHeaders.ORIGIN));
        if (!origins.isEmpty()) {
            return origins.size() > 1 || !allowed(origins.get(0));
        }
        String site = request.getHeader("Sec-Fetch-Site");
        return !CookieOrTokenSessionIdResolver.usesToken(request) && site != null
                && OTHER_SITES.contains(site.toLowerCase(Locale.ROOT));
    }

    private boolean allowed(String origin) {
        return CorsRefusals.isOrigin(origin) && allowed.checkOrigin(origin) != null;
    }
}
