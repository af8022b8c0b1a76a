package io.bsocial.indexer.stats.internal;

import java.net.URI;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Stats API errors as problem documents; an unavailable search node is logged with its reason. */
@RestControllerAdvice
class StatsProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(StatsProblems.class);

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        if (body instanceof ProblemDetail problem && problem.getType() == null) {
            problem.setType(URI.create("about:blank"));
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleErrorResponseException(org.springframework.web.ErrorResponseException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (ex instanceof SearchUnavailableException) {
            log.warn("stats unavailable: {}", ex.getMessage());
        }
        return super.handleErrorResponseException(ex, headers, status, request);
    }
}
