package io.bsocial.web.passwordreset.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.bsocial.shared.sql.SqlTime;

/**
 * The links mailed and not yet used ({@code password_resets}). A token is 256 random bits, written
 * base64url in the link; the table holds only its SHA-256 digest, so a copy of the database opens
 * no account.
 */
@Repository
class ResetTokens {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");

    /** A link not yet used: whose it is and until when it works. */
    record Pending(String tokenHash, long accountId, Instant expiresAt) {
    }

    private final JdbcClient jdbc;
    private final SecureRandom random = new SecureRandom();

    ResetTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new token for the account, valid until {@code expiresAt}; expired rows of anyone go meanwhile. */
    String issue(long accountId, Instant now, Instant expiresAt) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("DELETE FROM password_resets WHERE expires_at <= :now").param("now", SqlTime.of(now)).update();
        store(new Pending(hash(token), accountId, expiresAt));
        return token;
    }

    /** The link's row, if the token is one and has not expired. */
    Optional<Pending> find(String token, Instant now) {
        if (token == null || !FORMAT.matcher(token).matches()) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT token_hash, account_id, expires_at FROM password_resets"
                        + " WHERE token_hash = :hash AND expires_at > :now")
                .param("hash", hash(token)).param("now", SqlTime.of(now))
                .query((rs, row) -> new Pending(rs.getString("token_hash"), rs.getLong("account_id"),
                        SqlTime.instant(rs, "expires_at")))
                .optional();
    }

    /** Uses the link up: true for the one request that deleted its row (a second use finds none). */
    boolean consume(Pending pending) {
        return jdbc.sql("DELETE FROM password_resets WHERE token_hash = :hash")
                .param("hash", pending.tokenHash()).update() == 1;
    }

    /** Puts a consumed link back, when the reset failed on our side (no hashing slot was free). */
    void restore(Pending pending) {
        store(pending);
    }

    /** Every other link of the account stops working (its password was just reset). */
    void forgetAll(long accountId) {
        jdbc.sql("DELETE FROM password_resets WHERE account_id = :account").param("account", accountId).update();
    }

    private void store(Pending pending) {
        jdbc.sql("INSERT INTO password_resets (token_hash, account_id, expires_at) VALUES (:hash, :account, :expires)")
                .param("hash", pending.tokenHash()).param("account", pending.accountId())
                .param("expires", SqlTime.of(pending.expiresAt())).update();
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JVM has SHA-256", impossible);
        }
    }
}
