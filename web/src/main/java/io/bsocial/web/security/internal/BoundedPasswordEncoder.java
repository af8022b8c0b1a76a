package io.bsocial.web.security.internal;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.springframework.security.crypto.password.PasswordEncoder;

import io.bsocial.web.support.PasswordHashingBusyException;

/**
 * At most so many hashes (encode or match) at once; a caller over the bound waits up to
 * {@code maxWait} for a slot, then gets {@link PasswordHashingBusyException}. Argon2 takes its
 * memory per hash, so this bound is what keeps a login burst inside the heap.
 */
class BoundedPasswordEncoder implements PasswordEncoder {

    private final PasswordEncoder delegate;
    private final Semaphore slots;
    private final Duration maxWait;
    private final long retryAfterSeconds;

    BoundedPasswordEncoder(PasswordEncoder delegate, int maxConcurrent, Duration maxWait) {
        this.delegate = delegate;
        this.slots = new Semaphore(maxConcurrent, true);
        this.maxWait = maxWait;
        this.retryAfterSeconds = Math.max(1, (maxWait.toMillis() + 999) / 1000);
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return bounded(() -> delegate.encode(rawPassword));
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        return bounded(() -> delegate.matches(rawPassword, encodedPassword));
    }

    /** Only reads the stored parameters: no hash, no slot. */
    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    private <T> T bounded(Supplier<T> hash) {
        try {
            if (!slots.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new PasswordHashingBusyException(retryAfterSeconds);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new PasswordHashingBusyException(retryAfterSeconds);
        }
        try {
            return hash.get();
        } finally {
            slots.release();
        }
    }
}
