package io.bsocial.indexer.stats.internal;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The search node is away or failed: the stats API answers 503 with a plain sentence; the reason
 * (this exception's message) is for the log only.
 */
public class SearchUnavailableException extends ErrorResponseException {

    private final String reason;

    public SearchUnavailableException(String reason) {
        super(HttpStatus.SERVICE_UNAVAILABLE, problem(), null);
        this.reason = reason;
    }

    @Override
    public String getMessage() {
        return reason;
    }

    private static ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "Statistics are unavailable right now. Try again in a moment.");
        problem.setType(URI.create("about:blank"));
        return problem;
    }
}
