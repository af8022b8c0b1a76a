package io.bsocial.web.security.internal;

import java.net.URI;
import java.net.URISyntaxException;

import org.jspecify.annotations.Nullable;

/**
 * Where to send a person back to after logging in ({@code /login?next=/posts/7}): a path on this
 * site and nothing else. Anything with a scheme, a host, a leading {@code //} or a backslash
 * (which browsers read as a slash) is dropped, so the login page can never redirect off-site.
 */
final class ReturnTarget {

    static final String PARAMETER = "next";

    private static final int MAX_LENGTH = 2000;

    private ReturnTarget() {
    }

    /** The target when it is a same-site path (with its query), otherwise null. */
    static @Nullable String of(@Nullable String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH || !value.startsWith("/")
                || value.startsWith("//") || value.indexOf('\\') >= 0 || value.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            return null;
        }
        try {
            URI uri = new URI(value);
            return uri.getScheme() == null && uri.getRawAuthority() == null && uri.getRawFragment() == null ? value : null;
        } catch (URISyntaxException malformed) {
            return null;
        }
    }

    /**
     * The page an htmx request came from (its {@code HX-Current-URL}), as a path on this site
     * without the context path, or null.
     */
    static @Nullable String ofPage(@Nullable String currentUrl, String contextPath) {
        if (currentUrl == null) {
            return null;
        }
        try {
            URI page = new URI(currentUrl);
            String path = page.getRawPath();
            if (path == null || !path.startsWith(contextPath)) {
                return null;
            }
            path = path.substring(contextPath.length());
            return of(page.getRawQuery() == null ? path : path + "?" + page.getRawQuery());
        } catch (URISyntaxException malformed) {
            return null;
        }
    }
}
