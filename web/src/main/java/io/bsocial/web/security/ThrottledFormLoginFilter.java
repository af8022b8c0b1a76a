package io.bsocial.web.security;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stops a login form submission before the password is checked when the client or account is
 * throttled: 429 with {@code Retry-After}, and the login page saying how long to wait.
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
        if (wait.isZero() || wait.isNegative()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = LoginThrottle.seconds(wait);
        response.setStatus(429);
        response.setHeader("Retry-After", String.valueOf(seconds));
        request.setAttribute(RETRY_AFTER_ATTRIBUTE, seconds);
        request.getRequestDispatcher("/login/throttled").forward(request, response);
    }
}
