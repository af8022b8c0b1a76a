package io.bsocial.web.support;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An expected failure that answers with an RFC 9457 problem document: a status, a sentence for
 * people, and for invalid input the {@code errors} list of fields. On pages it becomes the error
 * page of the same status.
 */
public class ApiProblem extends ErrorResponseException {

    public ApiProblem(HttpStatus status, String detail) {
        this(status, detail, List.of());
    }

    public ApiProblem(HttpStatus status, String detail, List<FieldProblem> errors) {
        super(status, body(status, detail, errors), null);
    }

    /** A problem caused by a failure elsewhere; the cause is for the log, never the answer. */
    public ApiProblem(HttpStatus status, String detail, Throwable cause) {
        super(status, body(status, detail, List.of()), cause);
    }

    @SuppressWarnings("unchecked")
    public List<FieldProblem> errors() {
        Object errors = getBody().getProperties() == null ? null : getBody().getProperties().get("errors");
        return errors == null ? List.of() : (List<FieldProblem>) errors;
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }

    private static ProblemDetail body(HttpStatus status, String detail, List<FieldProblem> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(ApiExceptionHandler.BLANK);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", List.copyOf(errors));
        }
        return problem;
    }
}
