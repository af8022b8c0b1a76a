package io.bsocial.web.security.internal;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;

import io.bsocial.web.support.Htmx;

/**
 * Sends anonymous page requests to the login page. An htmx request (whose session expired) would
 * swap the login page into a fragment, so htmx is told to load the login page as a whole instead,
 * with the page the person was on as {@code next}: after logging in they are back where they were.
 */
class LoginPageEntryPoint implements AuthenticationEntryPoint {

    private final AuthenticationEntryPoint loginPage = new LoginUrlAuthenticationEntryPoint("/login");
    private final RequestCache requestCache = new HttpSessionRequestCache();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException, ServletException {
        if (Htmx.isHtmx(request)) {
            // The fragment's address was saved as "where to go after login": the page it came from is.
            requestCache.removeRequest(request, response);
            String next = ReturnTarget.ofPage(request.getHeader("HX-Current-URL"), request.getContextPath());
            response.setHeader("HX-Redirect", request.getContextPath() + "/login"
                    + (next == null ? "" : "?" + ReturnTarget.PARAMETER + "=" + URLEncoder.encode(next, StandardCharsets.UTF_8)));
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        } else {
            loginPage.commence(request, response, exception);
        }
    }
}
