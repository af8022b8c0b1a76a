package io.bsocial.web.budget;

import java.time.Duration;
import java.util.Locale;

import org.springframework.boot.convert.DurationStyle;

/**
 * How much of something a budget allows per window: {@code 300/3h} is 300 per three hours. Written
 * so in properties ({@code bsocial.budgets.posts=100000/3h}); the window in Boot's duration style
 * ({@code 30m}, {@code 24h}, {@code PT5M}).
 */
public record Allowance(long quota, Duration window) {

    public Allowance {
        if (quota < 1) {
            throw new IllegalArgumentException("a budget allows at least one: " + quota);
        }
        if (window.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("a budget's window is at least a second: " + window);
        }
    }

    /** {@code "300/3h"}; Spring converts property values (and defaults) with it. */
    public static Allowance valueOf(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("a budget is written quota/window, e.g. 300/3h: " + text);
        }
        return new Allowance(Long.parseLong(text.substring(0, slash).strip().replace("_", "")),
                DurationStyle.detectAndParse(text.substring(slash + 1).strip()));
    }

    /** The window in whole seconds, as the {@code w} of {@code RateLimit-Policy}. */
    public long windowSeconds() {
        return window.toSeconds();
    }

    /** "3 hours", "30 minutes": the window for people. */
    public String windowText() {
        long seconds = window.toSeconds();
        if (seconds % 3600 == 0) {
            return count(seconds / 3600, "hour");
        }
        if (seconds % 60 == 0) {
            return count(seconds / 60, "minute");
        }
        return count(seconds, "second");
    }

    static String count(long n, String unit) {
        return String.format(Locale.ENGLISH, "%,d %s%s", n, unit, n == 1 ? "" : "s");
    }

    @Override
    public String toString() {
        return quota + "/" + window;
    }
}
