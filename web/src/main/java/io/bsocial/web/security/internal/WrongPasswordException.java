package io.bsocial.web.security.internal;

import java.util.List;

import org.springframework.http.HttpStatus;

import io.bsocial.web.support.ApiProblem;
import io.bsocial.web.support.FieldProblem;

/** The current password given to change it (or to delete the account) was wrong: 403, naming the field so that a form marks it. */
class WrongPasswordException extends ApiProblem {

    WrongPasswordException(String field) {
        super(HttpStatus.FORBIDDEN, "Your current password is not right.",
                List.of(new FieldProblem(field, "Your current password is not right.")));
    }
}
