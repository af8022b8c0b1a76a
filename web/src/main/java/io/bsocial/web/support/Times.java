package io.bsocial.web.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * Times on pages, as {@code ${@times...}}: a relative text ("3 min ago") rendered on the server and
 * refreshed by app.js (its {@code relative} writes these same words: change both), the exact UTC
 * time for hovering.
 */
@Component("times")
public class Times {

    private static final DateTimeFormatter EXACT =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final Clock clock;

    Times(Clock clock) {
        this.clock = clock;
    }

    public String relative(Instant instant) {
        long seconds = Math.max(0, Duration.between(instant, clock.instant()).toSeconds());
        if (seconds < 45) {
            return "just now";
        }
        if (seconds < 3_600) {
            return Math.max(1, Math.round(seconds / 60.0)) + " min ago";
        }
        if (seconds < 86_400) {
            return Math.round(seconds / 3_600.0) + " h ago";
        }
        if (seconds < 7 * 86_400) {
            long days = Math.round(seconds / 86_400.0);
            return days == 1 ? "yesterday" : days + " days ago";
        }
        return EXACT.format(instant).replaceFirst(",.*", "");
    }

    public String exact(Instant instant) {
        return EXACT.format(instant);
    }
}
