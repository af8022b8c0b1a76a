package io.bsocial.web.support;

import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Every failure of a JSON API call becomes a problem document. Spring's base class covers the
 * framework's own exceptions (bad JSON, wrong types, 415, 405...); {@link ApiProblem}s carry their
 * own status. Anything unexpected is logged here and answered without internals.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    /** Problems without a more specific type are {@code about:blank}: the status says it all. */
    static final URI BLANK = URI.create("about:blank");

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception exception, WebRequest request) {
        log.error("unexpected failure of an API call", exception);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side. Please try again.");
        return createResponseEntity(problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    /**
     * A body whose JSON is well formed but holds a value of the wrong type (a number or boolean
     * where text belongs, an object for a string): 400 naming the field, like any invalid input.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException exception,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        FieldProblem wrongType = wrongType(exception);
        if (wrongType == null) {
            return super.handleHttpMessageNotReadable(exception, headers, status, request);
        }
        return handleExceptionInternal(exception, new InvalidInputException(List.of(wrongType)).getBody(), headers,
                HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail problem && problem.getType() == null) {
            problem.setType(BLANK);
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private static @Nullable FieldProblem wrongType(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
                String field = mismatch.getPath().stream()
                        .map(step -> step.getPropertyName() != null ? step.getPropertyName() : "[" + step.getIndex() + "]")
                        .collect(Collectors.joining(".")).replace(".[", "[");
                return new FieldProblem(field, message(field, mismatch.getTargetType()));
            }
        }
        return null;
    }

    private static String message(String field, @Nullable Class<?> type) {
        if (type == String.class) {
            return field + " must be a string.";
        }
        if (type == Boolean.class || type == boolean.class) {
            return field + " must be true or false.";
        }
        if (type != null && (Number.class.isAssignableFrom(type) || type.isPrimitive())) {
            return field + " must be a number.";
        }
        return field + " has the wrong type.";
    }
}
