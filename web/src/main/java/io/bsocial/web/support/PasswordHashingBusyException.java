package io.bsocial.web.support;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * Every password-hashing slot stayed busy for the whole wait: 503 with {@code Retry-After}. Better
 * a quick "try again" than a queue of memory-hard hashes that ends in an OutOfMemoryError. Thrown
 * by the security module's password encoder; registration (account) answers it too.
 */
public class PasswordHashingBusyException extends ApiProblem {

    private final long retryAfterSeconds;

    public PasswordHashingBusyException(long retryAfterSeconds) {
        super(HttpStatus.SERVICE_UNAVAILABLE,
                "bSocial is very busy right now. Please try again in " + retryAfterSeconds + " seconds.");
        this.retryAfterSeconds = retryAfterSeconds;
        getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds));
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
