package io.bsocial.web.security.internal;

import static io.bsocial.web.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import io.bsocial.web.WebIntegrationTest;
import io.bsocial.web.support.ApiClient;
import io.bsocial.web.support.TestUsers;

/** Hashes stored with weaker parameters are replaced at the account's next successful login. */
@WebIntegrationTest
class PasswordRehashTest {

    /** Spring Security 5.8's Argon2 defaults, which bSocial used before: 16 MiB, 2 passes. */
    private static final Argon2PasswordEncoder OLD_ARGON2 = new Argon2PasswordEncoder(16, 32, 1, 16 * 1024, 2);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwordEncoder;

    ApiClient api;
    TestUsers.LoggedIn user;
    String oldHash;

    @BeforeEach
    void anAccountWithAnOldHash() {
        api = new ApiClient(port);
        user = TestUsers.create(api, "rehash");
        oldHash = "{argon2}" + OLD_ARGON2.encode(TestUsers.PASSWORD);
        jdbc.sql("UPDATE users SET password_hash = ? WHERE id = ?").params(oldHash, user.id()).update();
    }

    @Test
    void theNextSuccessfulLoginStoresAHashWithTheCurrentParameters() {
        assertThat(login(TestUsers.PASSWORD).status()).isEqualTo(200);

        String stored = storedHash();
        assertThat(stored).isNotEqualTo(oldHash).startsWith("{argon2}$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(passwordEncoder.matches(TestUsers.PASSWORD, stored)).isTrue();
        assertThat(passwordEncoder.upgradeEncoding(stored)).isFalse();

        assertThat(login(TestUsers.PASSWORD).status()).isEqualTo(200);
        assertThat(storedHash()).as("an up-to-date hash is left alone").isEqualTo(stored);
    }

    @Test
    void aFailedLoginChangesNothing() {
        assertProblem(login("not the password"), 401);
        assertThat(storedHash()).isEqualTo(oldHash);
    }

    private ApiClient.Response login(String password) {
        return api.post("/api/auth/login", ApiClient.json(Map.of("login", user.username(), "password", password)));
    }

    private String storedHash() {
        return jdbc.sql("SELECT password_hash FROM users WHERE id = ?").param(user.id()).query(String.class).single();
    }
}
