package io.bsocial.web.support;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Parses the query string (and a form body) up front. Tomcat parses parameters lazily and throws
 * when the first one is read, which would be inside a controller and answer 500; here a malformed
 * percent-encoding ({@code ?cursor=%%%}, {@code ?limit=%zz}), a control character in a parameter
 * name or an over-long form answers 400 (or 413) before anything else runs: a problem document
 * under {@code /api}, the error page elsewhere.
 */
class MalformedParametersFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            if (!request.getParameterMap().keySet().stream().allMatch(MalformedParametersFilter::isPlainName)) {
                // Spring Security's firewall would refuse the name too, but only when a binder lists
                // the parameters, deep inside a controller.
                throw new IllegalArgumentException("a parameter name holds a control character");
            }
        } catch (IllegalStateException | IllegalArgumentException malformed) {
            boolean tooLarge = malformed instanceof InvalidParameterException invalid
                    && invalid.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value();
            ErrorPages.explain(request, tooLarge ? "The form is too large."
                    : "The address or form is malformed: check its percent-encoding.");
            response.sendError(tooLarge ? HttpStatus.CONTENT_TOO_LARGE.value() : HttpStatus.BAD_REQUEST.value());
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isPlainName(String name) {
        return TextInput.isAllowed(name, TextInput.Kind.SINGLE_LINE);
    }
}
