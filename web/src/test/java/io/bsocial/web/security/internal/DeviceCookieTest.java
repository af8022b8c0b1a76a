package io.bsocial.web.security.internal;

import static io.bsocial.web.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import io.bsocial.web.WebIntegrationTest;
import io.bsocial.web.support.ApiClient;
import io.bsocial.web.support.ApiClient.Response;
import io.bsocial.web.support.TestUsers;

/**
 * The owner is never locked out by someone else's guessing: a browser that logged in to the
 * account before carries a signed device cookie, and when guesses from many addresses reach the
 * account's limit, only clients without one are refused.
 */
@WebIntegrationTest
@TestPropertySource(properties = {
        "bsocial.login-throttle.max-failures-per-client=3",
        "bsocial.login-throttle.max-failures-per-account=5",
        "bsocial.login-throttle.max-failures-per-device=2"})
class DeviceCookieTest {

    @LocalServerPort
    int port;

    ApiClient api;
    String owner;

    @BeforeEach
    void registerTheOwner() {
        api = new ApiClient(port);
        owner = TestUsers.uniqueUsername("owner");
        assertThat(api.post("/api/auth/register", ApiClient.json(TestUsers.registration(owner))).status()).isEqualTo(201);
    }

    @Test
    void theOwnersKnownDeviceLogsInWhileGuessesFromADozenAddressesHoldTheAccount() {
        String device = deviceCookie(login("192.0.2.20", owner, TestUsers.PASSWORD, null));
        underAttack(owner);

        assertProblem(login("192.0.2.21", owner, TestUsers.PASSWORD, null), 429);
        Response known = login("192.0.2.22", owner, TestUsers.PASSWORD, device);
        assertThat(known.status()).isEqualTo(200);
        assertThat(login("192.0.2.22", owner.toUpperCase() + "@example.com", TestUsers.PASSWORD, device).status())
                .as("by e-mail too").isEqualTo(200);
    }

    @Test
    void aCookieOfAnotherAccountOrATamperedOneProvesNothing() {
        String other = TestUsers.uniqueUsername("other");
        api.post("/api/auth/register", ApiClient.json(TestUsers.registration(other)));
        String othersDevice = deviceCookie(login("192.0.2.30", other, TestUsers.PASSWORD, null));
        String ownersDevice = deviceCookie(login("192.0.2.31", owner, TestUsers.PASSWORD, null));
        underAttack(owner);

        assertProblem(login("192.0.2.32", owner, TestUsers.PASSWORD, othersDevice), 429);
        String[] parts = ownersDevice.split("\\.");
        String tampered = parts[0] + "." + new StringBuilder(parts[1]).reverse() + "." + parts[2];
        assertProblem(login("192.0.2.33", owner, TestUsers.PASSWORD, tampered), 429);
        String unsigned = parts[0] + "." + parts[1] + ".AAAA";
        assertProblem(login("192.0.2.34", owner, TestUsers.PASSWORD, unsigned), 429);
    }

    @Test
    void aKnownDeviceHasASmallBudgetOfItsOwnAndItsTyposNeverHoldTheAccount() {
        String device = deviceCookie(login("192.0.2.40", owner, TestUsers.PASSWORD, null));
        for (int i = 0; i < 2; i++) {
            assertProblem(login("192.0.2.41", owner, "typo " + i, device), 401);
        }
        assertProblem(login("192.0.2.41", owner, TestUsers.PASSWORD, device), 429);

        // The device's failures did not count against the account: an unknown client still may.
        assertThat(login("192.0.2.42", owner, TestUsers.PASSWORD, null).status()).isEqualTo(200);
    }

    @Test
    void everySuccessfulLoginLeavesASignedHttpOnlyDeviceCookie() {
        Response login = login("192.0.2.50", owner, TestUsers.PASSWORD, null);
        String setCookie = login.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("set-cookie"))
                .flatMap(e -> e.getValue().stream()).filter(c -> c.startsWith(DeviceCookies.NAME + "="))
                .findFirst().orElseThrow();

        assertThat(setCookie).contains("HttpOnly", "SameSite=Lax", "Path=/", "Max-Age=");
        assertThat(deviceCookie(login)).matches("[0-9]+\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}");
        Response failed = login("192.0.2.51", owner, "wrong", null);
        assertThat(failed.headers().getOrDefault("set-cookie", java.util.List.of()))
                .noneMatch(cookie -> cookie.startsWith(DeviceCookies.NAME + "="));
    }

    @Test
    void theLoginFormLeavesAndHonoursTheDeviceCookieToo() {
        Response first = submitLoginForm("192.0.2.60", TestUsers.PASSWORD, null);
        assertThat(first.status()).isEqualTo(302);
        String device = deviceCookie(first);
        underAttack(owner);

        assertThat(submitLoginForm("192.0.2.61", TestUsers.PASSWORD, null).status()).isEqualTo(429);
        Response known = submitLoginForm("192.0.2.62", TestUsers.PASSWORD, device);
        assertThat(known.status()).isEqualTo(302);
        assertThat(known.header("Location")).doesNotContain("error");
    }

    /** Submits the real login form: its CSRF token and session cookie come from the login page. */
    private Response submitLoginForm(String client, String password, String device) {
        Response page = api.get("/login", "X-Forwarded-For", client);
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(token.find()).isTrue();
        String form = "login=" + enc(owner) + "&password=" + enc(password) + "&_csrf=" + enc(token.group(1));
        String cookies = "SESSION=" + page.sessionCookie() + (device == null ? "" : "; " + DeviceCookies.NAME + "=" + device);
        return api.send("POST", "/login", "application/x-www-form-urlencoded", form,
                "Cookie", cookies, "X-Forwarded-For", client);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Fifty-like guessing from a dozen addresses: here the account limit (5) from six of them. */
    private void underAttack(String account) {
        for (int i = 0; i < 5; i++) {
            assertProblem(login("203.0.113." + (100 + i), account, "guess " + i, null), 401);
        }
        assertProblem(login("203.0.113.110", account, "guess", null), 429);
    }

    private Response login(String client, String login, String password, String device) {
        String body = ApiClient.json(Map.of("login", login, "password", password));
        return device == null
                ? api.post("/api/auth/login", body, "X-Forwarded-For", client)
                : api.post("/api/auth/login", body, "X-Forwarded-For", client,
                        "Cookie", DeviceCookies.NAME + "=" + device);
    }

    private static String deviceCookie(Response login) {
        assertThat(login.status()).isIn(200, 302);
        return login.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("set-cookie"))
                .flatMap(e -> e.getValue().stream()).filter(c -> c.startsWith(DeviceCookies.NAME + "="))
                .map(c -> c.substring(DeviceCookies.NAME.length() + 1, c.indexOf(';')))
                .findFirst().orElseThrow();
    }
}
