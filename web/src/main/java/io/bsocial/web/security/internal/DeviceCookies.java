package io.bsocial.web.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ResponseCookie;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.bsocial.shared.sql.SqlTime;

/**
 * Device cookies (OWASP's answer to lockout of the real owner): a successful login leaves a
 * signed cookie naming the account and a random device nonce. While the account is under attack
 * (its failure limit reached), only clients without a valid cookie for it are refused; a known
 * device keeps logging in, with a small failure budget of its own.
 *
 * <p>A cookie is valid while its signature holds <em>and</em> its row in {@code device_cookies}
 * does: a password change deletes the rows of the account's other browsers ({@link #revokeOthers}),
 * whose cookies then prove nothing. A browser that logs in again keeps its device (and its row,
 * renewed) rather than adding one per login; rows older than a cookie's lifetime are dropped.
 */
@Component
class DeviceCookies {

    static final String NAME = "bsocial-device";
    private static final Duration LIFETIME = Duration.ofDays(365);
    private static final String ALGORITHM = "HmacSHA256";

    /** A browser that logged in to {@code accountId}; {@code nonce} tells it apart from others. */
    record Device(long accountId, String nonce) {

        String throttleKey() {
            return "device:" + nonce;
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private volatile SecretKeySpec key;

    DeviceCookies(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The device the request's cookie proves, if it carries a valid one. */
    Optional<Device> read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (NAME.equals(cookie.getName())) {
                Optional<Device> device = verify(cookie.getValue());
                if (device.isPresent()) {
                    return device;
                }
            }
        }
        return Optional.empty();
    }

    /** After a successful login: this browser is now a known device of the account. */
    void issue(HttpServletRequest request, HttpServletResponse response, long accountId) {
        Instant now = clock.instant();
        Optional<Device> known = read(request).filter(device -> device.accountId() == accountId);
        String nonce;
        if (known.isPresent()) {
            nonce = known.get().nonce();
            jdbc.sql("UPDATE device_cookies SET issued_at = :now WHERE nonce = :nonce")
                    .param("now", SqlTime.of(now)).param("nonce", nonce).update();
        } else {
            byte[] bytes = new byte[16];
            random.nextBytes(bytes);
            nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            jdbc.sql("INSERT INTO device_cookies (nonce, account_id, issued_at) VALUES (:nonce, :account, :now)")
                    .param("nonce", nonce).param("account", accountId).param("now", SqlTime.of(now)).update();
            jdbc.sql("DELETE FROM device_cookies WHERE issued_at < :horizon")
                    .param("horizon", SqlTime.of(now.minus(LIFETIME))).update();
        }
        String payload = accountId + "." + nonce;
        ResponseCookie cookie = ResponseCookie.from(NAME, payload + "." + sign(payload))
                .httpOnly(true).secure(request.isSecure()).sameSite("Lax").path("/").maxAge(LIFETIME).build();
        response.addHeader("Set-Cookie", cookie.toString());
    }

    Optional<Device> verify(String value) {
        String[] parts = value == null ? new String[0] : value.split("\\.");
        if (parts.length != 3 || !parts[0].matches("[0-9]{1,18}") || !parts[1].matches("[A-Za-z0-9_-]{22}")) {
            return Optional.empty();
        }
        String payload = parts[0] + "." + parts[1];
        boolean genuine = MessageDigest.isEqual(sign(payload).getBytes(StandardCharsets.US_ASCII),
                parts[2].getBytes(StandardCharsets.US_ASCII));
        if (!genuine) {
            return Optional.empty();
        }
        Device device = new Device(Long.parseLong(parts[0]), parts[1]);
        boolean valid = jdbc.sql("SELECT COUNT(*) FROM device_cookies WHERE nonce = :nonce AND account_id = :account")
                .param("nonce", device.nonce()).param("account", device.accountId()).query(Long.class).single() > 0;
        return valid ? Optional.of(device) : Optional.empty();
    }

    /**
     * Every device cookie of the account stops proving anything, except the one of the browser that
     * sent this request (when it carries one for this account).
     */
    void revokeOthers(long accountId, HttpServletRequest request) {
        revokeAllBut(accountId, read(request).filter(device -> device.accountId() == accountId).map(Device::nonce).orElse(""));
    }

    /** Every device cookie of the account but the one with nonce {@code kept} ("" for none) stops proving anything. */
    void revokeAllBut(long accountId, String kept) {
        jdbc.sql("DELETE FROM device_cookies WHERE account_id = :account AND nonce <> :kept")
                .param("account", accountId).param("kept", kept).update();
    }

    private String sign(String payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key());
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("every JVM has " + ALGORITHM, impossible);
        }
    }

    private SecretKeySpec key() {
        SecretKeySpec current = key;
        if (current == null) {
            current = new SecretKeySpec(HexFormat.of().parseHex(sharedSecret()), ALGORITHM);
            key = current;
        }
        return current;
    }

    /** The signing key every web instance shares; the first to need it creates it. */
    private String sharedSecret() {
        byte[] candidate = new byte[32];
        new SecureRandom().nextBytes(candidate);
        jdbc.sql("INSERT INTO device_cookie_key (id, secret) VALUES (1, :secret) ON CONFLICT DO NOTHING")
                .param("secret", HexFormat.of().formatHex(candidate)).update();
        return jdbc.sql("SELECT secret FROM device_cookie_key WHERE id = 1").query(String.class).single();
    }
}
