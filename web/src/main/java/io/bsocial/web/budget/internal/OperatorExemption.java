package io.bsocial.web.budget.internal;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import io.bsocial.shared.operations.OperatorToken;

/**
 * Operators spend no budget: a request that carries the configured operator token
 * ({@code X-Operator-Token}, {@code bsocial.operator.token}), as {@code ./bsocial demo} sends. Only
 * the token counts here, not loopback: behind a proxy on the same machine every client would be
 * loopback.
 */
@Component
public class OperatorExemption {

    private final OperatorToken token;

    OperatorExemption(OperatorToken token) {
        this.token = token;
    }

    /** Whether the request being served (if any) is an operator's. */
    public boolean applies() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes current
                && applies(current.getRequest());
    }

    public boolean applies(HttpServletRequest request) {
        return token.presentedBy(request);
    }
}
