package io.bsocial.web.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
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

/**
 * Device cookies (OWASP's answer to lockout of the real owner): a successful login leaves a
 * signed cookie naming the account and a random device nonce. While the account is under attack
 * (its failure limit reached), only clients without a valid cookie for it are refused; a known
 * device keeps logging in, with a small failure budget of its own.
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
    private final SecureRandom random = new SecureRandom();
    private volatile SecretKeySpec key;

    DeviceCookies(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        String payload = accountId + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
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
        return genuine ? Optional.of(new Device(Long.parseLong(parts[0]), parts[1])) : Optional.empty();
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
