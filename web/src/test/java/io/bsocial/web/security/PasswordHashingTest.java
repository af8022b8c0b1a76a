package io.bsocial.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

class PasswordHashingTest {

    private final PasswordEncoder encoder = new PasswordHashing().passwordEncoder();

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
}
