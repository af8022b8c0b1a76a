package io.bsocial.web.security.internal;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import io.bsocial.web.support.ApiProblem;

/** Too many failed logins from this client or for this account: 429 with {@code Retry-After}. */
class TooManyLoginAttemptsException extends ApiProblem {

    TooManyLoginAttemptsException(long retryAfterSeconds) {
        super(HttpStatus.TOO_MANY_REQUESTS,
                "Too many failed login attempts. Try again in " + retryAfterSeconds + " seconds.");
        getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds));
    }
}
