package io.bsocial.shared.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import io.bsocial.shared.web.Problems;

/**
 * RFC 9457 answers for requests that Spring Security stops before any controller runs: an API
 * client gets a problem document, never a redirect to the login page or an HTML error.
 */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static AuthenticationEntryPoint unauthorized() {
        return (request, response, exception) -> write(response, HttpStatus.UNAUTHORIZED,
                "Authentication is required: log in, then send the session cookie or the X-Auth-Token header.");
    }

    /**
     * Refusals, mostly a missing CSRF token. A caller who is not logged in at all is told so (401)
     * rather than about CSRF, since logging in is what they need first.
     */
    public static AccessDeniedHandler forbidden() {
        return (request, response, exception) -> {
            Authentication caller = SecurityContextHolder.getContext().getAuthentication();
            if (caller == null || !caller.isAuthenticated() || caller instanceof AnonymousAuthenticationToken) {
                unauthorized().commence(request, response, null);
            } else {
                write(response, HttpStatus.FORBIDDEN,
                        "The request was refused. Calls authenticated by the session cookie need a CSRF token.");
            }
        };
    }

    /**
     * What every chain of a JSON API shares (web's {@code /api/**}, the notifier, operator
     * endpoints): no login form, basic auth, logout endpoint or saved request, and refusals as
     * problem documents. A chain may set its own handlers after this.
     */
    public static HttpSecurity answeringWithProblems(HttpSecurity http) throws Exception {
        return http.requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(unauthorized())
                        .accessDeniedHandler(forbidden()));
    }

    /**
     * Whether an error on this path is answered as a problem document rather than a page: a choice
     * of format only, never of access (access is decided by the filter chains' matchers).
     */
    public static boolean isApiPath(String path) {
        return path.equals("/api") || path.startsWith("/api/");
    }

    /** Writes a problem document whose texts are fixed strings of ours, never user input. */
    public static void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        Problems.write(response, status, detail);
    }
}
