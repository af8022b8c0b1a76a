package io.bsocial.web.support;

import java.net.URI;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.ModelAndView;

import io.bsocial.shared.security.ProblemResponses;
import io.bsocial.shared.web.ProblemErrorController;

/**
 * Where the servlet container sends errors that no controller handled (unknown routes, 405s,
 * failures in filters): a problem document under {@code /api} and to htmx requests (which show
 * it next to their form), the error page elsewhere. Never a stack trace, exception name or
 * message.
 */
@Controller
class ErrorPages implements ErrorController {

    private static final String DETAIL = ErrorPages.class.getName() + ".detail";

    /**
     * A sentence of ours (never user input) for the error answer of this request, for failures
     * stopped in a filter before any controller could say what was wrong.
     */
    static void explain(HttpServletRequest request, String detail) {
        request.setAttribute(DETAIL, detail);
    }

    @RequestMapping("/error")
    Object error(HttpServletRequest request) {
        HttpStatus status = ProblemErrorController.status(request);
        String detail = request.getAttribute(DETAIL) instanceof String explained ? explained : detail(status);
        if (status == HttpStatus.TOO_MANY_REQUESTS && request.getAttribute(DispatcherServlet.EXCEPTION_ATTRIBUTE)
                instanceof ApiProblem refused && refused.getStatusCode().value() == status.value()) {
            // Past a budget: the page says which one and how long to wait (a sentence of ours).
            detail = refused.getBody().getDetail();
        }
        String uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        boolean api = uri != null && ProblemResponses.isApiPath(uri.substring(request.getContextPath().length()));
        if (api || Htmx.isHtmx(request)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
            // A page's htmx request (a form sent in place) shows the detail and field errors next to the form.
            if (!api && request.getAttribute(DispatcherServlet.EXCEPTION_ATTRIBUTE) instanceof ApiProblem expected
                    && expected.getStatusCode().value() == status.value()) {
                problem = expected.getBody();
            }
            return ProblemErrorController.answer(problem, instance(uri));
        }
        return new ModelAndView("error", Map.of("status", status.value(), "reason", status.getReasonPhrase(),
                "detail", detail), status);
    }

    /** The failed address, unless it is so malformed that it is no URI at all. */
    private static @Nullable URI instance(String uri) {
        try {
            return URI.create(uri);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    private static String detail(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "There is nothing here.";
            case METHOD_NOT_ALLOWED -> "This address does not accept that method.";
            case FORBIDDEN -> "You may not do that. If you came from a form, reload the page and try again.";
            case UNAUTHORIZED -> "Please log in.";
            case CONTENT_TOO_LARGE -> "The request is too large.";
            default -> status.is4xxClientError() ? "The request could not be processed."
                    : "Something went wrong on our side. Please try again.";
        };
    }
}
