package io.bsocial.web.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.util.unit.DataSize;

import io.bsocial.web.support.PasswordHashingBusyException;

class PasswordHashingTest {

    /** The defaults exactly as Spring binds them when nothing is configured. */
    static final PasswordHashingProperties DEFAULTS = new Binder(new MapConfigurationPropertySource())
            .bindOrCreate("bsocial.password-hashing", PasswordHashingProperties.class);

    /** Spring Security 5.8's Argon2 defaults, which bSocial used before: 16 MiB, 2 passes. */
    static final Argon2PasswordEncoder OLD_ARGON2 = new Argon2PasswordEncoder(16, 32, 1, 16 * 1024, 2);

    private final PasswordEncoder encoder = new PasswordHashing().passwordEncoder(DEFAULTS);

    @Test
    void theDefaultsAreAtLeastOwaspsMinimumForArgon2id() {
        assertThat(DEFAULTS.memory()).isGreaterThanOrEqualTo(DataSize.ofKilobytes(19 * 1024));
        assertThat(DEFAULTS.iterations()).isGreaterThanOrEqualTo(2);
        assertThat(DEFAULTS.parallelism()).isEqualTo(1);
        assertThat(encoder.encode("correct horse battery staple")).startsWith("{argon2}$argon2id$v=19$m=19456,t=2,p=1$");
    }

    @Test
    void hashesWithArgon2idAndASaltSoEqualPasswordsGetDifferentHashes() {
        String hash = encoder.encode("correct horse battery staple");
        assertThat(hash).startsWith("{argon2}$argon2id$");
        assertThat(hash).doesNotContain("correct horse");
        assertThat(encoder.encode("correct horse battery staple")).isNotEqualTo(hash);
        assertThat(encoder.matches("correct horse battery staple", hash)).isTrue();
    }

    @Test
    void everyCharacterOfALongPasswordMatters() {
        String password = "p".repeat(79) + "X" + "q".repeat(20);
        String hash = encoder.encode(password);
        String differentAt80th = "p".repeat(79) + "Y" + "q".repeat(20);
        String differentAtLast = "p".repeat(79) + "X" + "q".repeat(19) + "r";

        assertThat(password).hasSize(100);
        assertThat(encoder.matches(password, hash)).isTrue();
        assertThat(encoder.matches(differentAt80th, hash)).isFalse();
        assertThat(encoder.matches(differentAtLast, hash)).isFalse();
    }

    @Test
    void aHashMadeWithWeakerParametersStillVerifiesAndAsksToBeUpgraded() {
        String old = "{argon2}" + OLD_ARGON2.encode("correct horse battery staple");

        assertThat(encoder.matches("correct horse battery staple", old)).isTrue();
        assertThat(encoder.upgradeEncoding(old)).isTrue();
        assertThat(encoder.upgradeEncoding(encoder.encode("correct horse battery staple"))).isFalse();
    }

    @Test
    void aHashOverTheBoundWaitsBrieflyThenIsRefusedAsBusy() throws Exception {
        CountDownLatch hashing = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        PasswordEncoder slow = new SlowEncoder(hashing, finish);
        BoundedPasswordEncoder bounded = new BoundedPasswordEncoder(slow, 1, Duration.ofMillis(100));

        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> bounded.encode("first"));
        assertThat(hashing.await(10, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> bounded.encode("second"))
                .isInstanceOfSatisfying(PasswordHashingBusyException.class,
                        busy -> assertThat(busy.retryAfterSeconds()).isPositive());
        assertThatThrownBy(() -> bounded.matches("second", "hash")).isInstanceOf(PasswordHashingBusyException.class);

        finish.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("hash of first");
        assertThat(bounded.encode("third")).isEqualTo("hash of third");
    }

    @Test
    void aHashThatWaitsGetsThePermitWhenItIsFreedInTime() throws Exception {
        CountDownLatch hashing = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        BoundedPasswordEncoder bounded = new BoundedPasswordEncoder(new SlowEncoder(hashing, finish), 1,
                Duration.ofSeconds(30));

        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> bounded.encode("first"));
        assertThat(hashing.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> bounded.encode("second"));
        assertThat(second).isNotDone();

        finish.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("hash of first");
        assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("hash of second");
    }

    /** Stands in for Argon2 only to hold a permit as long as the test wants; the bound is real. */
    private static final class SlowEncoder implements PasswordEncoder {

        private final CountDownLatch hashing;
        private final CountDownLatch finish;

        SlowEncoder(CountDownLatch hashing, CountDownLatch finish) {
            this.hashing = hashing;
            this.finish = finish;
        }

        @Override
        public String encode(CharSequence rawPassword) {
            hashing.countDown();
            try {
                finish.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "hash of " + rawPassword;
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            return encode(rawPassword).equals(encodedPassword);
        }
    }
}
