package io.bsocial.web.security.internal;

import org.springframework.security.core.AuthenticationException;

/** No password-hashing slot was free: the password was not checked, and the attempt is not a failure. */
class LoginBusyException extends AuthenticationException {

    private final long retryAfterSeconds;

    LoginBusyException(long retryAfterSeconds) {
        super("Password hashing is busy.");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
