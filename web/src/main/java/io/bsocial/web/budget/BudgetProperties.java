package io.bsocial.web.budget;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The budgets ({@code bsocial.budgets.*}), each {@code quota/window} with the contract's default, so
 * that a load test can raise one ({@code BSOCIAL_BUDGETS_POSTS=1000000/3h}). A new budget is a
 * component here and a constant of {@link Budget} naming it; its one call to {@link Budgets} goes
 * where the action happens.
 *
 * @param posts posts and comments together, per user
 * @param follows follows and unfollows, per user
 * @param edits edits and deletes of posts and comments, per user
 * @param requests any authenticated {@code /api} request, per user, counted by each web instance
 * @param registrations new accounts, per client address (an IPv6 client by its /64)
 * @param requestBuckets the most users whose per-request budget one instance keeps in memory
 * @param pruneInterval how often expired buckets leave the database
 * @param pruneBatch the most expired buckets one statement deletes
 */
@ConfigurationProperties("bsocial.budgets")
public record BudgetProperties(
        @DefaultValue("300/3h") Allowance posts,
        @DefaultValue("400/24h") Allowance follows,
        @DefaultValue("60/30m") Allowance edits,
        @DefaultValue("1500/5m") Allowance requests,
        @DefaultValue("5/30m") Allowance registrations,
        @DefaultValue("100000") int requestBuckets,
        @DefaultValue("5m") Duration pruneInterval,
        @DefaultValue("1000") int pruneBatch) {
}
