package io.bsocial.web.support;

import org.springframework.http.HttpStatus;

/** Absent, or not visible to the caller: both answer 404 so that existence is not leaked. */
public class NotFoundException extends ApiProblem {

    public NotFoundException(String detail) {
        super(HttpStatus.NOT_FOUND, detail);
    }
}
