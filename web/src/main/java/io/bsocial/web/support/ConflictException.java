package io.bsocial.web.support;

import java.util.List;

import org.springframework.http.HttpStatus;

/** The request clashes with what exists (a taken username or e-mail): 409. */
public class ConflictException extends ApiProblem {

    public ConflictException(List<FieldProblem> errors) {
        super(HttpStatus.CONFLICT, errors.get(0).message(), errors);
    }
}
