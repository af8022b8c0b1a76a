package io.bsocial.web.post;

import org.springframework.http.HttpStatus;

import io.bsocial.web.support.ApiProblem;

/**
 * Someone who may see a post or comment tried to change or delete it without being its author:
 * 403. Those who may not see it get the 404 of an absent item instead, so nothing leaks.
 */
public class NotTheAuthorException extends ApiProblem {

    public NotTheAuthorException(String detail) {
        super(HttpStatus.FORBIDDEN, detail);
    }
}
