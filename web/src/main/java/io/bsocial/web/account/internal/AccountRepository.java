package io.bsocial.web.account.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import io.bsocial.shared.events.Actor;
import io.bsocial.shared.sql.SqlTime;
import io.bsocial.web.account.AccountKey;

@Repository
public class AccountRepository {

    /** The width of the {@code users.email_key} column: a longer key is refused at registration. */
    public static final int MAX_EMAIL_KEY = 254;

    private static final String COLUMNS = "id, username, email, first_name, last_name, password_hash, registered_at, bio, "
            + "(SELECT a.version FROM avatars a WHERE a.user_id = users.id) AS avatar_version";

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new account; a taken username or e-mail surfaces as a DuplicateKeyException. */
    Account insert(NewAccount account, String passwordHash, Instant registeredAt) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO users (username, username_key, email, email_key, first_name, last_name,
                                   name_key, last_name_key, password_hash, registered_at)
                VALUES (:username, :usernameKey, :email, :emailKey, :firstName, :lastName,
                        :nameKey, :lastNameKey, :hash, :at)
                """)
                .param("username", account.username())
                .param("usernameKey", AccountKey.of(account.username()))
                .param("email", account.email())
                .param("emailKey", AccountKey.of(account.email()))
                .param("firstName", account.firstName())
                .param("lastName", account.lastName())
                .param("nameKey", nameKey(account.firstName(), account.lastName()))
                .param("lastNameKey", lastNameKey(account.lastName()))
                .param("hash", passwordHash)
                .param("at", SqlTime.of(registeredAt))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        return new Account(id, account.username(), account.email(), account.firstName(), account.lastName(),
                passwordHash, registeredAt, null, null);
    }

    public Optional<Account> findById(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE id = ?").param(id)
                .query(AccountRepository::map).optional();
    }

    /** Who did something, as events name them. */
    public Actor actor(long id) {
        return findById(id).map(account -> new Actor(account.id(), account.username(), account.email()))
                .orElseThrow(() -> new IllegalStateException("no account " + id));
    }

    public Optional<Account> findByUsername(String username) {
        String key = AccountKey.of(username);
        if (!AccountKey.canMatch(key)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE username_key = ?").param(key)
                .query(AccountRepository::map).optional();
    }

    /** The accounts with these usernames, compared by {@link AccountKey}. */
    public List<Account> findByUsernames(Collection<String> usernames) {
        List<String> keys = usernames.stream().map(AccountKey::of).filter(AccountKey::canMatch).distinct().toList();
        if (keys.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE username_key IN (:keys)").param("keys", keys)
                .query(AccountRepository::map).list();
    }

    /** The account whose username or e-mail is {@code login}, compared by {@link AccountKey}. */
    public Optional<Account> findByLogin(String login) {
        String key = AccountKey.of(login);
        if (!AccountKey.canMatch(key)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE username_key = :key OR email_key = :key")
                .param("key", key)
                .query(AccountRepository::map).optional();
    }

    /** The account with this e-mail address, compared by {@link AccountKey}. */
    public Optional<Account> findByEmail(String email) {
        String key = AccountKey.of(email);
        if (!AccountKey.canMatch(key)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE email_key = ?").param(key)
                .query(AccountRepository::map).optional();
    }

    /**
     * Replaces the password hash, unless it changed since {@code expected} was read: a password
     * changed meanwhile is never overwritten by a re-hash of the old one. Answers whether it did.
     */
    public boolean updatePasswordHash(long id, String expected, String replacement) {
        return jdbc.sql("UPDATE users SET password_hash = :replacement WHERE id = :id AND password_hash = :expected")
                .param("replacement", replacement).param("id", id).param("expected", expected)
                .update() == 1;
    }

    /** Stores the names (with their search keys) and the bio as they now stand. */
    void updateProfile(long id, String firstName, String lastName, String bio) {
        jdbc.sql("""
                UPDATE users SET first_name = :firstName, last_name = :lastName, name_key = :nameKey,
                                 last_name_key = :lastNameKey, bio = :bio
                 WHERE id = :id""")
                .param("firstName", firstName).param("lastName", lastName)
                .param("nameKey", nameKey(firstName, lastName)).param("lastNameKey", lastNameKey(lastName))
                .param("bio", bio).param("id", id)
                .update();
    }

    /** Replaces the password hash, whatever it was (a password change, checked before). */
    public void replacePasswordHash(long id, String replacement) {
        jdbc.sql("UPDATE users SET password_hash = :replacement WHERE id = :id")
                .param("replacement", replacement).param("id", id).update();
    }

    /** Whether an account has the username, or had it and was deleted (its name stays reserved). */
    boolean usernameTaken(String username) {
        return jdbc.sql("SELECT COUNT(*) FROM users WHERE username_key = ?").param(AccountKey.of(username))
                .query(Long.class).single() > 0 || usernameReserved(username);
    }

    /** Whether a deleted account had the username (see V21__account_deletion.sql). */
    boolean usernameReserved(String username) {
        return jdbc.sql("SELECT COUNT(*) FROM reserved_usernames WHERE username_key = ?").param(AccountKey.of(username))
                .query(Long.class).single() > 0;
    }

    boolean emailTaken(String email) {
        return jdbc.sql("SELECT COUNT(*) FROM users WHERE email_key = ?").param(AccountKey.of(email))
                .query(Long.class).single() > 0;
    }

    /** The search key of "first last", cut to its column (prefix search needs no more). */
    static String nameKey(String firstName, String lastName) {
        return prefix(AccountKey.of(firstName + " " + lastName), 101);
    }

    static String lastNameKey(String lastName) {
        return prefix(AccountKey.of(lastName), 50);
    }

    static Account map(ResultSet rs, int row) throws SQLException {
        return new Account(rs.getLong("id"), rs.getString("username"), rs.getString("email"),
                rs.getString("first_name"), rs.getString("last_name"), rs.getString("password_hash"),
                SqlTime.instant(rs, "registered_at"), rs.getString("bio"), rs.getObject("avatar_version", Long.class));
    }

    /**
     * The key cut to a column's width for prefix search. Counted in UTF-16 units (what H2 counts;
     * PostgreSQL counts code points, never more) and never between the halves of a surrogate pair.
     */
    private static String prefix(String key, int width) {
        if (key.length() <= width) {
            return key;
        }
        int end = Character.isLowSurrogate(key.charAt(width)) ? width - 1 : width;
        return key.substring(0, end);
    }
}
