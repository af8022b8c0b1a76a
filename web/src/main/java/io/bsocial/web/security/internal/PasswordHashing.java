package io.bsocial.web.security.internal;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Passwords are stored as Argon2id hashes, which read every character (bcrypt stops at 72 bytes),
 * at the cost set by {@link PasswordHashingProperties}. The delegating encoder prefixes each hash
 * with {@code {argon2}} so that a later algorithm can be introduced without breaking stored
 * hashes; it also answers whether a stored hash is weaker than today's parameters
 * ({@code upgradeEncoding}), which login uses to re-hash. Every hash runs inside the bound.
 */
@Configuration(proxyBeanMethods = false)
class PasswordHashing {

    static final String ALGORITHM = "argon2";

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    private static final Logger log = LoggerFactory.getLogger(PasswordHashing.class);

    @Bean
    PasswordEncoder passwordEncoder(PasswordHashingProperties properties) {
        long worstCase = properties.memory().toBytes() * properties.maxConcurrent();
        if (worstCase > Runtime.getRuntime().maxMemory() / 2) {
            log.warn("password hashing may take {} MB at once, over half of the {} MB heap: lower "
                    + "bsocial.password-hashing.max-concurrent", worstCase >> 20, Runtime.getRuntime().maxMemory() >> 20);
        }
        Argon2PasswordEncoder argon2 = new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES, properties.parallelism(),
                properties.memoryKiB(), properties.iterations());
        PasswordEncoder delegating = new DelegatingPasswordEncoder(ALGORITHM, Map.of(ALGORITHM, argon2));
        return new BoundedPasswordEncoder(delegating, properties.maxConcurrent(), properties.maxWait());
    }
}
