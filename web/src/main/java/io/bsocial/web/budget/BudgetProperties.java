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
 * @param likes likes and unlikes, per user
 * @param edits edits and deletes of posts and comments, per user
 * @param exports exports of one's own data ({@code GET /api/me/export}), per user: once a day
 * @param requests any authenticated {@code /api} request, per user, counted by each web instance
 * @param registrations new accounts, per client address (an IPv6 client by its /64)
 * @param passwordResets password-reset requests, per client address and, separately, per e-mail address
 *        asked for (so that nobody can fill someone's inbox from many addresses)
 * @param reports reports of posts, comments and accounts to moderators, per user
 * @param requestBuckets the most users whose per-request budget one instance keeps in memory
 * @param pruneInterval how often expired buckets leave the database
 * @param pruneBatch the most expired buckets one statement deletes
 */
@ConfigurationProperties("bsocial.budgets")
public record BudgetProperties(
        @DefaultValue("300/3h") Allowance posts,
        @DefaultValue("400/24h") Allowance follows,
        @DefaultValue("1000/24h") Allowance likes,
        @DefaultValue("60/30m") Allowance edits,
        @DefaultValue("1/24h") Allowance exports,
        @DefaultValue("1500/5m") Allowance requests,
        @DefaultValue("5/30m") Allowance registrations,
        @DefaultValue("5/30m") Allowance passwordResets,
        @DefaultValue("100/24h") Allowance reports,
        @DefaultValue("100000") int requestBuckets,
        @DefaultValue("5m") Duration pruneInterval,
        @DefaultValue("1000") int pruneBatch) {
}
