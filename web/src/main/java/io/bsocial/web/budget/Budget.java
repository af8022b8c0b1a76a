package io.bsocial.web.budget;

import java.util.function.Function;

/**
 * The budgets of the contract that exist so far, each named as {@code RateLimit-Policy} names it
 * and with its allowance from {@link BudgetProperties}. (Likes, reports and password resets come
 * with their features: a property, a constant here, one call.)
 */
public enum Budget {

    POSTS("posts", "posts and comments", BudgetProperties::posts),
    FOLLOWS("follows", "follows and unfollows", BudgetProperties::follows),
    LIKES("likes", "likes and unlikes", BudgetProperties::likes),
    EDITS("edits", "edits and deletes", BudgetProperties::edits),
    EXPORTS("exports", "exports of your data", BudgetProperties::exports),
    REQUESTS("requests", "requests", BudgetProperties::requests),
    REGISTRATIONS("registrations", "new accounts from this address", BudgetProperties::registrations),
    PASSWORD_RESETS("password-resets", "password-reset requests", BudgetProperties::passwordResets),
    REPORTS("reports", "reports", BudgetProperties::reports);

    private final String policy;
    private final String what;
    private final Function<BudgetProperties, Allowance> allowance;

    Budget(String policy, String what, Function<BudgetProperties, Allowance> allowance) {
        this.policy = policy;
        this.what = what;
        this.allowance = allowance;
    }

    /** Its name in {@code RateLimit-Policy} and {@code RateLimit}, and in its buckets' keys. */
    public String policy() {
        return policy;
    }

    /** What it counts, for people: "posts and comments". */
    public String what() {
        return what;
    }

    public Allowance allowance(BudgetProperties properties) {
        return allowance.apply(properties);
    }
}
