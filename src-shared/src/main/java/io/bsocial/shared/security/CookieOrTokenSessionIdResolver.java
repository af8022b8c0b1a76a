package io.bsocial.shared.security;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.HeaderHttpSessionIdResolver;
import org.springframework.session.web.http.HttpSessionIdResolver;

/**
 * Finds the session of a request in the {@code X-Auth-Token} header when it has one, else in the
 * session cookie. A request that names its session by header is never also authenticated by a
 * cookie, which is what makes header calls safe without a CSRF token. Only web's API login answers
 * the id for the header.
 */
public class CookieOrTokenSessionIdResolver implements HttpSessionIdResolver {

    public static final String TOKEN_HEADER = "X-Auth-Token";

    private final HttpSessionIdResolver cookie;
    private final HttpSessionIdResolver header = new HeaderHttpSessionIdResolver(TOKEN_HEADER);

    public CookieOrTokenSessionIdResolver(CookieHttpSessionIdResolver cookie) {
        this.cookie = cookie;
    }

    public static boolean usesToken(HttpServletRequest request) {
        return request.getHeader(TOKEN_HEADER) != null;
    }

    @Override
    public List<String> resolveSessionIds(HttpServletRequest request) {
        return usesToken(request) ? header.resolveSessionIds(request) : cookie.resolveSessionIds(request);
    }

    /**
     * A new or changed session id goes out in the cookie only (HttpOnly: no script reads it). Writing
     * it in an {@code X-Auth-Token} header too, on every page or htmx answer that starts or renews a
     * session, handed it to any script of the page; {@code POST /api/auth/login} answers it itself.
     */
    @Override
    public void setSessionId(HttpServletRequest request, HttpServletResponse response, String sessionId) {
        cookie.setSessionId(request, response, sessionId);
    }

    @Override
    public void expireSession(HttpServletRequest request, HttpServletResponse response) {
        cookie.expireSession(request, response);
        header.expireSession(request, response);
    }
}
