package io.bsocial.shared.web;

import java.net.URI;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * For the services that only answer JSON (notifier, indexer): every error the servlet container
 * routes to {@code /error} (unknown routes, 405s, failures in filters) becomes a problem document
 * without internals. Import it into the service's configuration. Web's error pages answer
 * {@code /api} paths with the same documents, through {@link #status} and {@link #answer}.
 */
@RestController
public class ProblemErrorController implements ErrorController {

    private static final URI BLANK = URI.create("about:blank");

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        HttpStatus status = status(request);
        return answer(status, switch (status) {
            case NOT_FOUND -> "There is nothing here.";
            case METHOD_NOT_ALLOWED -> "This address does not accept that method.";
            default -> status.is4xxClientError() ? "The request could not be processed."
                    : "Something went wrong on our side.";
        }, null);
    }

    /** The status the servlet container routed to {@code /error}; 500 when it named none we know. */
    public static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    /** A problem document of ours (the detail is our sentence, never user input). */
    public static ResponseEntity<ProblemDetail> answer(HttpStatus status, String detail, @Nullable URI instance) {
        return answer(ProblemDetail.forStatusAndDetail(status, detail), instance);
    }

    /** The problem as the error answer: the generic type, the failed address, its status. */
    public static ResponseEntity<ProblemDetail> answer(ProblemDetail problem, @Nullable URI instance) {
        problem.setType(BLANK);
        problem.setInstance(instance);
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
