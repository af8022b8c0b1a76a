package io.bsocial.web.account.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Instant;

import javax.sql.DataSource;

import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.bsocial.shared.sql.SqlTime;
import io.bsocial.web.WebIntegrationTest;
import io.bsocial.web.support.TestUsers;

/**
 * Migration 8 on rows as the old code stored them (keys only lower-cased), on the test database
 * (H2, and PostgreSQL with -Ppostgres).
 */
@WebIntegrationTest
class NormaliseAccountKeysTest {

    /** Shaped like a stored hash (other tests look for hash fragments in events); matches no password. */
    private static final String UNUSABLE_HASH =
            "{argon2}$argon2id$v=19$m=16384,t=2,p=1$bm90IGEgc2FsdA$bm90IGEgaGFzaCBvZiBhbnl0aGluZw";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    AccountRepository accounts;

    @Test
    void recomputesStaleKeysAndLeavesATakenKeyWhereItWas() throws Exception {
        String run = TestUsers.uniqueUsername("mig").toLowerCase();
        long plain = insertAsBefore(run + "_a", run + "_twin@example.com", "Plain", "Person");
        long twin = insertAsBefore(run + "_b", wide(run) + "_twin@example.com", "Twin", "Person");
        long stale = insertAsBefore(run + "_c", wide(run) + "_STALE@example.com", "Ｓtale", "ﬁsher");

        migrate();

        assertThat(key("email_key", stale)).isEqualTo(run + "_stale@example.com");
        assertThat(key("name_key", stale)).isEqualTo("stale fisher");
        assertThat(key("last_name_key", stale)).isEqualTo("fisher");
        assertThat(key("email_key", plain)).isEqualTo(run + "_twin@example.com");
        assertThat(key("email_key", twin)).as("taken by the plain address: kept as it was")
                .isEqualTo((wide(run) + "_twin@example.com").toLowerCase());

        assertThat(accounts.findByLogin(wide(run) + "_stale@EXAMPLE.com")).map(Account::id).hasValue(stale);

        migrate();
        assertThat(key("email_key", stale)).as("a second run changes nothing").isEqualTo(run + "_stale@example.com");
    }

    /** A row exactly as the code before migration 5 wrote it: keys trimmed and lower-cased only. */
    private long insertAsBefore(String username, String email, String firstName, String lastName) {
        jdbc.sql("""
                INSERT INTO users (username, username_key, email, email_key, first_name, last_name, name_key,
                                   last_name_key, password_hash, registered_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(username, username.toLowerCase(), email, email.toLowerCase(), firstName, lastName,
                        (firstName + " " + lastName).toLowerCase(), lastName.toLowerCase(), UNUSABLE_HASH,
                        SqlTime.of(Instant.now()))
                .update();
        return jdbc.sql("SELECT id FROM users WHERE username = ?").param(username).query(Long.class).single();
    }

    private void migrate() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            new NormaliseAccountKeys().migrate(new Context() {

                @Override
                public Configuration getConfiguration() {
                    return null;
                }

                @Override
                public Connection getConnection() {
                    return connection;
                }
            });
        }
    }

    private String key(String column, long id) {
        return jdbc.sql("SELECT " + column + " FROM users WHERE id = ?").param(id).query(String.class).single();
    }

    private static String wide(String ascii) {
        StringBuilder wide = new StringBuilder();
        ascii.chars().forEach(c -> wide.append(c > ' ' && c < 0x7F ? (char) (c + 0xFEE0) : (char) c));
        return wide.toString();
    }
}
