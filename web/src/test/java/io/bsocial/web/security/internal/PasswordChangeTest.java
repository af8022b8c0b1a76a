package io.bsocial.web.security.internal;

import static io.bsocial.web.support.ProblemAssertions.assertProblem;
import static io.bsocial.web.support.ProblemAssertions.fields;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import io.bsocial.web.WebIntegrationTest;
import io.bsocial.web.support.ApiClient;
import io.bsocial.web.support.ApiClient.Response;
import io.bsocial.web.support.TestUsers;

/**
 * {@code POST /api/me/password}: the current password is checked as a login is (403 when wrong,
 * and the login throttle's 429 past its limits); the new one follows registration's rules; once
 * changed, every other session, API token and device cookie of the account stops working and the
 * one that changed it stays signed in. (The same limits as DeviceCookieTest: one context for both.)
 */
@WebIntegrationTest
@TestPropertySource(properties = {
        "bsocial.login-throttle.max-failures-per-client=3",
        "bsocial.login-throttle.max-failures-per-account=5",
        "bsocial.login-throttle.max-failures-per-device=2"})
class PasswordChangeTest {

    static final String NEW_PASSWORD = "a new and longer passphrase";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    String username;
    long id;

    @BeforeEach
    void registerTheOwner() {
        api = new ApiClient(port);
        username = TestUsers.uniqueUsername("pwchange");
        Response registered = api.post("/api/auth/register", ApiClient.json(TestUsers.registration(username)));
        assertThat(registered.status()).isEqualTo(201);
        id = registered.json().get("id").asLong();
    }

    @Test
    void everyOtherSessionTokenAndDeviceEndsAndTheCurrentOneStays() {
        Response laptop = login("192.0.2.120", username, TestUsers.PASSWORD, null);
        Response phone = login("192.0.2.121", username, TestUsers.PASSWORD, null);
        Response here = login("192.0.2.122", username, TestUsers.PASSWORD, null);
        String laptopDevice = deviceCookie(laptop);
        String hereDevice = deviceCookie(here);

        Response changed = change("192.0.2.122", token(here), hereDevice, TestUsers.PASSWORD, NEW_PASSWORD, NEW_PASSWORD);

        assertThat(changed.status()).as(changed.body()).isEqualTo(204);
        assertProblem(api.get("/api/me", "X-Auth-Token", token(laptop)), 401);
        assertProblem(api.get("/api/me", "X-Auth-Token", token(phone)), 401);
        assertProblem(api.get("/api/me", "Cookie", "SESSION=" + laptop.sessionCookie()), 401);
        assertThat(api.get("/api/me", "X-Auth-Token", token(here)).status()).as("still signed in here").isEqualTo(200);
        assertThat(api.get("/api/me", "Cookie", "SESSION=" + here.sessionCookie()).status()).isEqualTo(200);

        assertProblem(login("192.0.2.123", username, TestUsers.PASSWORD, null), 401);
        assertThat(login("192.0.2.124", username, NEW_PASSWORD, null).status()).isEqualTo(200);

        // The laptop's device cookie proves nothing any more: while the account is under attack it
        // is refused like any unknown client; the browser that changed the password still gets in.
        underAttack();
        assertProblem(login("192.0.2.125", username, NEW_PASSWORD, laptopDevice), 429);
        assertThat(login("192.0.2.126", username, NEW_PASSWORD, hereDevice).status()).isEqualTo(200);
    }

    @Test
    void aWrongCurrentPasswordIs403AndThrottledLikeALogin() {
        String token = token(login("192.0.2.130", username, TestUsers.PASSWORD, null));
        String client = "203.0.113.130";
        for (int i = 0; i < 3; i++) {
            Response wrong = change(client, token, null, "guess " + i, NEW_PASSWORD, NEW_PASSWORD);
            assertProblem(wrong, 403);
            assertThat(wrong.json().get("errors").get(0).get("field").asString()).isEqualTo("currentPassword");
        }

        Response throttled = change(client, token, null, TestUsers.PASSWORD, NEW_PASSWORD, NEW_PASSWORD);
        assertProblem(throttled, 429);
        assertThat(Long.parseLong(throttled.header("Retry-After"))).isBetween(1L, 300L);
        // The same throttle as the login form's: this client's logins wait too.
        assertProblem(login(client, username, TestUsers.PASSWORD, null), 429);

        assertThat(api.get("/api/me", "X-Auth-Token", token).status()).as("nothing ended").isEqualTo(200);
        assertThat(login("192.0.2.131", username, TestUsers.PASSWORD, null).status()).as("nothing changed")
                .isEqualTo(200);
    }

    @Test
    void theNewPasswordFollowsRegistrationsRulesAndEveryErrorComesAtOnce() {
        String token = token(login("192.0.2.140", username, TestUsers.PASSWORD, null));

        Response invalid = change("192.0.2.140", token, null, "", "short", "other");
        assertProblem(invalid, 400);
        assertThat(fields(invalid)).containsExactly("currentPassword", "newPassword", "newPasswordConfirmation");

        Response mismatch = change("192.0.2.140", token, null, TestUsers.PASSWORD, NEW_PASSWORD, NEW_PASSWORD + "!");
        assertThat(fields(mismatch)).containsExactly("newPasswordConfirmation");
        Response control = change("192.0.2.140", token, null, TestUsers.PASSWORD, "new\u0000password", "new\u0000password");
        assertThat(fields(control)).containsExactly("newPassword");
        Response tooLong = change("192.0.2.140", token, null, TestUsers.PASSWORD, "x".repeat(129), "x".repeat(129));
        assertThat(fields(tooLong)).containsExactly("newPassword");
        Response number = api.send("POST", "/api/me/password", "application/json",
                "{\"currentPassword\": 12345678, \"newPassword\": \"" + NEW_PASSWORD + "\", \"newPasswordConfirmation\": \""
                        + NEW_PASSWORD + "\"}", "X-Auth-Token", token);
        assertThat(fields(number)).containsExactly("currentPassword");
        assertProblem(api.send("POST", "/api/me/password", "application/json", "{}"), 401);

        // A 100-character password works, and its 80th character matters.
        String hundred = "p".repeat(79) + "A" + "q".repeat(20);
        assertThat(change("192.0.2.140", token, null, TestUsers.PASSWORD, hundred, hundred).status()).isEqualTo(204);
        assertProblem(login("192.0.2.141", username, "p".repeat(79) + "B" + "q".repeat(20), null), 401);
        assertThat(login("192.0.2.142", username, hundred, null).status()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT password_hash FROM users WHERE id = ?").param(id).query(String.class).single())
                .startsWith("{argon2}$argon2id$").doesNotContain(hundred);
    }

    private Response change(String client, String token, String device, String current, String next, String again) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("currentPassword", current);
        body.put("newPassword", next);
        body.put("newPasswordConfirmation", again);
        return device == null
                ? api.post("/api/me/password", ApiClient.json(body), "X-Auth-Token", token, "X-Forwarded-For", client)
                : api.post("/api/me/password", ApiClient.json(body), "X-Auth-Token", token, "X-Forwarded-For", client,
                        "Cookie", DeviceCookies.NAME + "=" + device);
    }

    /** The account's limit (5) reached by guesses from five addresses. */
    private void underAttack() {
        for (int i = 0; i < 5; i++) {
            assertProblem(login("203.0.113." + (140 + i), username, "guess " + i, null), 401);
        }
        assertProblem(login("203.0.113.150", username, NEW_PASSWORD, null), 429);
    }

    private Response login(String client, String login, String password, String device) {
        String body = ApiClient.json(Map.of("login", login, "password", password));
        return device == null
                ? api.post("/api/auth/login", body, "X-Forwarded-For", client)
                : api.post("/api/auth/login", body, "X-Forwarded-For", client, "Cookie", DeviceCookies.NAME + "=" + device);
    }

    private static String token(Response login) {
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        return login.json().get("token").asString();
    }

    private static String deviceCookie(Response login) {
        return login.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("set-cookie"))
                .flatMap(e -> e.getValue().stream()).filter(c -> c.startsWith(DeviceCookies.NAME + "="))
                .map(c -> c.substring(DeviceCookies.NAME.length() + 1, c.indexOf(';')))
                .findFirst().orElseThrow();
    }
}
