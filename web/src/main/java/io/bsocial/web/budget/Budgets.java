package io.bsocial.web.budget;

import java.time.Duration;

import org.springframework.stereotype.Service;

import io.bsocial.web.budget.internal.BudgetChecks;
import io.bsocial.web.budget.internal.ClientKeys;
import io.bsocial.web.budget.internal.DatabaseBuckets;
import io.bsocial.web.budget.internal.OperatorExemption;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Spends budgets where the action happens (the services), so that a page form and the API call it
 * mirrors draw on the same budget. Each call spends one unit inside the transaction of the write
 * it pays for, before that write: the bucket's row stays locked until the transaction ends, so
 * concurrent requests of one user take their turns and never overspend, and a request that fails
 * later (400, 403, 404) rolls its unit back with everything else. A request that carries the
 * operator token ({@code X-Operator-Token}) spends nothing.
 */
@Service
public class Budgets {

    private final BudgetProperties properties;
    private final DatabaseBuckets buckets;
    private final OperatorExemption exemption;
    private final BudgetChecks checks;

    Budgets(BudgetProperties properties, DatabaseBuckets buckets, OperatorExemption exemption, BudgetChecks checks) {
        this.properties = properties;
        this.buckets = buckets;
        this.exemption = exemption;
        this.checks = checks;
    }

    /**
     * One unit of the user's {@code budget}, in the current transaction; past it, a
     * {@link BudgetExceededException} (which rolls the transaction back: nothing is written).
     */
    public void spend(Budget budget, long userId) {
        spend(budget, "user:" + userId);
    }

    /** One unit of the budget of the client at {@code address} (an IPv6 client by its /64). */
    public void spendForAddress(Budget budget, String address) {
        spend(budget, "address:" + ClientKeys.of(address));
    }

    /**
     * One unit of the budget of an e-mail address asked about (its normalised key, whether or not an
     * account has it), kept as a digest like client addresses.
     */
    public void spendForEmail(Budget budget, String emailKey) {
        spend(budget, "email:" + ClientKeys.digest(emailKey));
    }

    /** Gives back a unit spent by {@link #spendForAddress} for an attempt that failed on our side. */
    public void giveBackToAddress(Budget budget, String address) {
        if (!exemption.applies()) {
            buckets.giveBack(budget.policy() + ":address:" + ClientKeys.of(address), budget.allowance(properties));
        }
    }

    private void spend(Budget budget, String subject) {
        if (exemption.applies()) {
            return;
        }
        Allowance allowance = budget.allowance(properties);
        long started = System.nanoTime();
        ConsumptionProbe probe = buckets.tryConsume(budget.policy() + ":" + subject, allowance);
        checks.record(budget, System.nanoTime() - started);
        if (!probe.isConsumed()) {
            throw new BudgetExceededException(budget, allowance, Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    /**
     * Forgets every bucket of a deleted account: those of its user id and those of its e-mail
     * address (kept as a digest), in the current transaction.
     */
    public void forget(long userId, String emailKey) {
        for (Budget budget : Budget.values()) {
            buckets.removeProxy(budget.policy() + ":user:" + userId);
            buckets.removeProxy(budget.policy() + ":email:" + ClientKeys.digest(emailKey));
        }
    }
}
