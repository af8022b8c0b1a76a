package io.bsocial.web.security.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Argon2id cost and how many hashes may run at once. The defaults are OWASP's minimum for
 * Argon2id (19 MiB, 2 passes, 1 lane). Each running hash holds {@code memory} of heap, so
 * {@code max-concurrent} bounds what a burst of logins can take (4 × 19 MiB in a 512 MB heap); a
 * hash that finds no free slot within {@code max-wait} is answered 503 with {@code Retry-After}.
 * Raising the cost later re-hashes each password at its next successful login.
 */
@ConfigurationProperties("bsocial.password-hashing")
public record PasswordHashingProperties(
        @DefaultValue("19MB") DataSize memory,
        @DefaultValue("2") int iterations,
        @DefaultValue("1") int parallelism,
        @DefaultValue("4") int maxConcurrent,
        @DefaultValue("2s") Duration maxWait) {

    public PasswordHashingProperties {
        if (iterations < 1 || parallelism < 1 || maxConcurrent < 1 || maxWait.isNegative()
                || memory.toKilobytes() < 8L * parallelism || memory.toKilobytes() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("bsocial.password-hashing needs at least 1 iteration, lane and "
                    + "concurrent hash, at least 8 KiB of memory per lane, and a wait of zero or more");
        }
    }

    int memoryKiB() {
        return (int) memory.toKilobytes();
    }
}
