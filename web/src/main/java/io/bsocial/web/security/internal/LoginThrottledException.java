package io.bsocial.web.security.internal;

import org.springframework.security.core.AuthenticationException;

/** The login throttle refused an attempt before its password was checked. */
class LoginThrottledException extends AuthenticationException {

    private final long retryAfterSeconds;

    LoginThrottledException(long retryAfterSeconds) {
        super("Too many failed login attempts.");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
