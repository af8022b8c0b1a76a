package io.bsocial.web.budget.internal;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import io.bsocial.shared.security.SessionUser;
import io.bsocial.shared.web.Problems;
import io.bsocial.web.budget.Budget;
import io.bsocial.web.budget.BudgetExceededException;
import io.github.bucket4j.ConsumptionProbe;

/**
 * The per-request budget: every authenticated request under {@code /api} (however its path is
 * spelled: Spring Security's matcher reads the normalised path) spends one unit of its user's
 * budget before any controller runs. Runs after Spring Security's filter chain, which has
 * authenticated the request (or refused it). Past the budget: 429 with the same problem document
 * and fields as every budget.
 */
public class RequestBudgetFilter extends OncePerRequestFilter {

    private static final RequestMatcher API = PathPatternRequestMatcher.withDefaults().matcher("/api/**");

    private final RequestBuckets buckets;
    private final OperatorExemption exemption;
    private final BudgetChecks checks;

    public RequestBudgetFilter(RequestBuckets buckets, OperatorExemption exemption, BudgetChecks checks) {
        this.buckets = buckets;
        this.exemption = exemption;
        this.checks = checks;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !API.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller != null && caller.getPrincipal() instanceof SessionUser user && !exemption.applies(request)) {
            long started = System.nanoTime();
            ConsumptionProbe probe = buckets.tryConsume(user.id());
            checks.record(Budget.REQUESTS, System.nanoTime() - started);
            if (!probe.isConsumed()) {
                BudgetExceededException exceeded = new BudgetExceededException(Budget.REQUESTS, buckets.allowance(),
                        Duration.ofNanos(probe.getNanosToWaitForRefill()));
                exceeded.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
                Problems.write(response, HttpStatus.TOO_MANY_REQUESTS, exceeded.getBody().getDetail());
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
