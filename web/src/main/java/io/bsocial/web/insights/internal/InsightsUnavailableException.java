package io.bsocial.web.insights.internal;

import org.springframework.http.HttpStatus;

import io.bsocial.web.support.ApiProblem;

/** The indexer (or OpenSearch behind it) cannot answer now: 503, the page says so. */
class InsightsUnavailableException extends ApiProblem {

    InsightsUnavailableException(Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "Insights are unavailable right now. Try again in a moment.", cause);
    }
}
