package io.bsocial.shared.operations;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.Principal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import io.bsocial.shared.web.Problems;

/**
 * Who may read the Actuator beyond a health status: an operator. A request is an operator's when
 * it comes from loopback (the machine itself: `./bsocial status`, a local probe) or carries the
 * configured {@code X-Operator-Token}. Anonymous health stays answered (status only, the
 * endpoint's {@code show-details=when-authorized} with role {@value #ROLE}); every other Actuator
 * endpoint (metrics) answers 403 to anyone else. Runs after Spring Security, so the client
 * address is the one Tomcat's {@code RemoteIpValve} derived from trusted proxies only.
 */
public class OperatorAccess extends OncePerRequestFilter {

    public static final String ROLE = "OPERATOR";
    public static final String TOKEN_HEADER = OperatorToken.HEADER;

    private final OperatorToken token;

    public OperatorAccess(OperatorToken token) {
        this.token = token;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.equals("/actuator") || path.startsWith("/actuator/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isOperator(request)) {
            chain.doFilter(new AsOperator(request), response);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals("/actuator/health") || path.startsWith("/actuator/health/")) {
            chain.doFilter(request, response);
            return;
        }
        Problems.write(response, HttpStatus.FORBIDDEN, "Only operators may read this.");
    }

    private boolean isOperator(HttpServletRequest request) {
        if (isLoopback(request.getRemoteAddr())) {
            return true;
        }
        return token.presentedBy(request);
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

    /** The request as an operator's, for Boot's {@code when-authorized} health details. */
    private static final class AsOperator extends HttpServletRequestWrapper {

        private static final Principal OPERATOR = () -> "operator";

        AsOperator(HttpServletRequest request) {
            super(request);
        }

        @Override
        public boolean isUserInRole(String role) {
            return ROLE.equals(role) || super.isUserInRole(role);
        }

        @Override
        public Principal getUserPrincipal() {
            Principal user = super.getUserPrincipal();
            return user != null ? user : OPERATOR;
        }
    }
}
