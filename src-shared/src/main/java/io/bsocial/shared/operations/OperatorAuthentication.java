package io.bsocial.shared.operations;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes a request to the Actuator an operator's when it comes from this machine (loopback:
 * {@code ./bsocial status}, a local probe) or carries the operator token, and is not sent by a page
 * in a browser (a browser sends {@code Origin} with every POST and cross-origin fetch, so a page
 * open on the machine can neither command nor read operator endpoints). The client address is
 * the one Tomcat's {@code RemoteIpValve} derived from trusted proxies only ({@code TrustedProxies}):
 * a client behind a proxy is never loopback.
 */
final class OperatorAuthentication extends OncePerRequestFilter {

    private final OperatorToken token;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    OperatorAuthentication(OperatorToken token) {
        this.token = token;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isOperator(request)) {
            SecurityContext context = contexts.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("operator", null,
                    AuthorityUtils.createAuthorityList(OperatorAccessConfiguration.authorities())));
            contexts.setContext(context);
        }
        chain.doFilter(request, response);
    }

    private boolean isOperator(HttpServletRequest request) {
        return request.getHeader(HttpHeaders.ORIGIN) == null
                && (isLoopback(request.getRemoteAddr()) || token.presentedBy(request));
    }

    static boolean isLoopback(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        try {
            // A literal address (Tomcat gives the numeric form): no name is looked up.
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException notAnAddress) {
            return false;
        }
    }
}
