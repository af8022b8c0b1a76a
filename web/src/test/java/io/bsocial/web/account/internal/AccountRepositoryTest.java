package io.bsocial.web.account.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DuplicateKeyException;

@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
// With the Java migration too: the test database may already hold version 8 from another test.
@Import({AccountRepository.class, NormaliseAccountKeys.class})
@Tag("db")
class AccountRepositoryTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:15:30.123456Z");

    @Autowired
    AccountRepository accounts;

    @Test
    void storesAndFindsAnAccountByIdUsernameOrEmailIgnoringCase() {
        Account saved = accounts.insert(new NewAccount("Grace", "Hopper", "Grace.H", "Grace@Example.com"), "{argon2}x", NOW);

        assertThat(accounts.findById(saved.id())).contains(saved);
        assertThat(accounts.findByUsername("grace.h")).contains(saved);
        assertThat(accounts.findByLogin("GRACE.H")).contains(saved);
        assertThat(accounts.findByLogin("grace@example.COM")).contains(saved);
        assertThat(saved.username()).isEqualTo("Grace.H");
        assertThat(saved.registeredAt()).isEqualTo(NOW);
        assertThat(accounts.findByLogin("nobody")).isEmpty();
    }

    @Test
    void usernamesAreUniqueIgnoringCase() {
        accounts.insert(new NewAccount("Alan", "Turing", "alan", "alan@example.com"), "{argon2}x", NOW);

        assertThat(accounts.usernameTaken("ALAN")).isTrue();
        assertThat(accounts.usernameTaken("alan2")).isFalse();
        assertThatThrownBy(() -> accounts.insert(
                new NewAccount("A", "T", "ALAN", "other@example.com"), "{argon2}x", NOW))
                .isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void emailsAreUniqueIgnoringCase() {
        accounts.insert(new NewAccount("Alan", "Turing", "alan", "alan@example.com"), "{argon2}x", NOW);

        assertThat(accounts.emailTaken("Alan@Example.com")).isTrue();
        assertThatThrownBy(() -> accounts.insert(
                new NewAccount("A", "T", "alan_t", "ALAN@example.com"), "{argon2}x", NOW))
                .isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void keepsMicrosecondPrecisionInUtc() {
        Instant precise = Instant.parse("2026-03-01T23:59:59.999999Z");
        Account saved = accounts.insert(new NewAccount("Time", "Keeper", "timekeeper", "time@example.com"), "h", precise);
        assertThat(accounts.findById(saved.id()).orElseThrow().registeredAt())
                .isEqualTo(precise.truncatedTo(ChronoUnit.MICROS));
    }
}
