package io.bsocial.web.security.internal;

import org.springframework.http.HttpStatus;

import io.bsocial.web.support.ApiProblem;

/** Wrong password or unknown user: one answer for both, 401. */
class LoginFailedException extends ApiProblem {

    LoginFailedException() {
        super(HttpStatus.UNAUTHORIZED, "Invalid login or password.");
    }
}
