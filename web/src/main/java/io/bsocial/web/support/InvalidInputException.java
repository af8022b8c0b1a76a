package io.bsocial.web.support;

import java.util.List;

import org.springframework.http.HttpStatus;

/** Input that failed validation: 400 with every field error at once. */
public class InvalidInputException extends ApiProblem {

    public InvalidInputException(List<FieldProblem> errors) {
        super(HttpStatus.BAD_REQUEST,
                errors.size() == 1 ? errors.get(0).message() : errors.size() + " fields are invalid.", errors);
    }

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }
}
