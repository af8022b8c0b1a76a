package io.bsocial.web.security;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Passwords are stored as Argon2id hashes, which read every character (bcrypt stops at 72 bytes).
 * The delegating encoder prefixes each hash with {@code {argon2}} so that a later algorithm can
 * be introduced without breaking stored hashes.
 */
@Configuration(proxyBeanMethods = false)
class PasswordHashing {

    static final String ALGORITHM = "argon2";

    @Bean
    PasswordEncoder passwordEncoder() {
        return new DelegatingPasswordEncoder(ALGORITHM,
                Map.of(ALGORITHM, Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8()));
    }
}
