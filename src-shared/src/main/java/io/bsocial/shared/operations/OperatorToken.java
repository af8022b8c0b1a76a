package io.bsocial.shared.operations;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The operator's secret ({@code bsocial.operator.token}), presented in the {@code X-Operator-Token}
 * header by a caller that is not on this machine (a monitoring system, a cluster's probes) or by a
 * tool that acts as an operator ({@code ./bsocial demo}). Unset, no request presents it. Compared in
 * constant time.
 */
public final class OperatorToken {

    public static final String HEADER = "X-Operator-Token";

    private final byte[] token;

    public OperatorToken(OperatorProperties properties) {
        this.token = properties.token() == null || properties.token().isBlank() ? null
                : properties.token().getBytes(StandardCharsets.UTF_8);
    }

    /** Whether the request carries the configured operator token. */
    public boolean presentedBy(HttpServletRequest request) {
        String presented = request.getHeader(HEADER);
        return token != null && presented != null
                && MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8));
    }
}
