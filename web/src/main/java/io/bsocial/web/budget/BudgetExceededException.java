package io.bsocial.web.budget;

import java.time.Duration;
import java.util.Locale;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import io.bsocial.web.support.ApiProblem;

/**
 * Past a budget: 429, a problem document saying what was too much and how long to wait, with
 * {@code Retry-After} (whole seconds) and the fields of draft-ietf-httpapi-ratelimit-headers
 * (revision 10): {@code RateLimit-Policy: "posts";q=300;w=10800} and
 * {@code RateLimit: "posts";r=0;t=8100}, {@code t} being the same wait as {@code Retry-After}.
 * On a page, an htmx form shows the detail next to its button; a plain form post gets the error
 * page with it.
 */
public class BudgetExceededException extends ApiProblem {

    public static final String RATE_LIMIT_POLICY = "RateLimit-Policy";
    public static final String RATE_LIMIT = "RateLimit";

    private final Budget budget;
    private final long retryAfterSeconds;

    public BudgetExceededException(Budget budget, Allowance allowance, Duration wait) {
        super(HttpStatus.TOO_MANY_REQUESTS, detail(budget, allowance, seconds(wait)));
        this.budget = budget;
        this.retryAfterSeconds = seconds(wait);
        getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds));
        getHeaders().set(RATE_LIMIT_POLICY, policy(budget, allowance));
        getHeaders().set(RATE_LIMIT, "\"" + budget.policy() + "\";r=0;t=" + retryAfterSeconds);
    }

    public Budget budget() {
        return budget;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** The {@code RateLimit-Policy} item of a budget: its name, quota and window in seconds. */
    public static String policy(Budget budget, Allowance allowance) {
        return "\"" + budget.policy() + "\";q=" + allowance.quota() + ";w=" + allowance.windowSeconds();
    }

    static String detail(Budget budget, Allowance allowance, long waitSeconds) {
        return String.format(Locale.ENGLISH, "Too many %s: the limit is %,d per %s. Try again in %s.", budget.what(),
                allowance.quota(), allowance.windowText(), waitText(waitSeconds));
    }

    /** "40 seconds", "12 minutes", "2 hours 15 minutes" — never shorter than the real wait. */
    static String waitText(long seconds) {
        if (seconds < 60) {
            return Allowance.count(seconds, "second");
        }
        long minutes = (seconds + 59) / 60;
        if (minutes < 60) {
            return Allowance.count(minutes, "minute");
        }
        long hours = minutes / 60;
        long rest = minutes % 60;
        return Allowance.count(hours, "hour") + (rest == 0 ? "" : " " + Allowance.count(rest, "minute"));
    }

    /** Whole seconds, rounded up, at least one. */
    static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
