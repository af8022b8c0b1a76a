package io.bsocial.web.security.internal;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

import io.bsocial.web.support.PasswordHashingBusyException;

/**
 * Stops a login form submission before the password is checked when the client or account is
 * throttled: 429 with {@code Retry-After}, and the login page saying how long to wait. When every
 * password-hashing slot is busy, the page answers 503 and asks to try again in a moment.
 */
class ThrottledFormLoginFilter extends OncePerRequestFilter {

    static final String RETRY_AFTER_ATTRIBUTE = "retryAfterSeconds";

    private final LoginThrottle throttle;
    private final DeviceCookies devices;

    ThrottledFormLoginFilter(LoginThrottle throttle, DeviceCookies devices) {
        this.throttle = throttle;
        this.devices = devices;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !("POST".equals(request.getMethod()) && "/login".equals(path));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Duration wait = throttle.retryAfter(request.getRemoteAddr(), request.getParameter("login"),
                devices.read(request));
        if (!wait.isZero() && !wait.isNegative()) {
            answer(request, response, 429, LoginThrottle.seconds(wait), "/login/throttled");
            return;
        }
        try {
            chain.doFilter(request, response);
        } catch (PasswordHashingBusyException busy) {
            // Not a failed login (the password was never checked): the page asks to try again shortly.
            answer(request, response, 503, busy.retryAfterSeconds(), "/login/busy");
        }
    }

    private static void answer(HttpServletRequest request, HttpServletResponse response, int status, long seconds,
            String page) throws ServletException, IOException {
        response.setStatus(status);
        response.setHeader("Retry-After", String.valueOf(seconds));
        request.setAttribute(RETRY_AFTER_ATTRIBUTE, seconds);
        request.getRequestDispatcher(page).forward(request, response);
    }
}
