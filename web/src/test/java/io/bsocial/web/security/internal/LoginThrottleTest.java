package io.bsocial.web.security.internal;

import static io.bsocial.web.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import io.bsocial.web.WebIntegrationTest;
import io.bsocial.web.account.Accounts;
import io.bsocial.web.support.ApiClient;
import io.bsocial.web.support.ApiClient.Response;
import io.bsocial.web.support.TestUsers;

@WebIntegrationTest
@TestPropertySource(properties = {
        "bsocial.login-throttle.max-failures-per-client=3",
        "bsocial.login-throttle.max-failures-per-account=5"})
class LoginThrottleTest {

    @LocalServerPort
    int port;

    ApiClient api;
    String username;

    @BeforeEach
    void registerAUser() {
        api = new ApiClient(port);
        username = TestUsers.uniqueUsername("throttle");
        assertThat(api.post("/api/auth/register", ApiClient.json(TestUsers.registration(username))).status())
                .isEqualTo(201);
    }

    @Test
    void aClientThatKeepsFailingMustWaitWhileOtherClientsMayStillLogIn() {
        String attacker = "203.0.113.7";
        for (int i = 0; i < 3; i++) {
            assertProblem(login(attacker, username, "guess " + i), 401);
        }

        Response throttled = login(attacker, username, TestUsers.PASSWORD);
        assertProblem(throttled, 429);
        assertThat(Long.parseLong(throttled.header("Retry-After"))).isBetween(1L, 300L);
        assertThat(throttled.sessionCookie()).isNull();

        assertThat(login("203.0.113.8", username, TestUsers.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void guessesAgainstOneAccountFromManyClientsAreSlowedToo() {
        for (int i = 0; i < 5; i++) {
            assertProblem(login("198.51.100." + i, username, "guess " + i), 401);
        }
        assertProblem(login("198.51.100.99", username, TestUsers.PASSWORD), 429);
        assertThat(login("198.51.100.99", TestUsers.uniqueUsername("nobody"), "x").status()).isEqualTo(401);
    }

    @Test
    void failuresThatReachedAnotherWebInstanceCountHereToo(@Autowired LoginThrottleProperties properties,
            @Autowired JdbcClient database, @Autowired Accounts accounts) {
        LoginThrottle otherInstance = new LoginThrottle(properties, database, accounts, Clock.systemUTC());
        String attacker = "203.0.113.50";
        for (int i = 0; i < 3; i++) {
            otherInstance.failed(attacker, username, java.util.Optional.empty());
        }

        Response throttled = login(attacker, username, TestUsers.PASSWORD);
        assertProblem(throttled, 429);
        assertThat(login("203.0.113.51", username, TestUsers.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void neitherAddressesNorTypedLoginsAreStoredInClear(@Autowired JdbcClient database) {
        String typedLogin = "my-Secret-password-typed-as-login";
        assertProblem(login("203.0.113.60", typedLogin, "x"), 401);

        assertThat(database.sql("SELECT key_hash FROM login_failures").query(String.class).list())
                .isNotEmpty()
                .allSatisfy(key -> assertThat(key).matches("[0-9a-f]{64}"))
                .noneMatch(key -> key.contains("203.0.113.60") || key.toLowerCase().contains("secret"));
    }

    @Test
    void guessesByUsernameAndByEmailCountForTheSameAccount() {
        for (int i = 0; i < 3; i++) {
            assertProblem(login("198.51.101." + i, username, "guess " + i), 401);
        }
        for (int i = 3; i < 5; i++) {
            assertProblem(login("198.51.101." + i, username.toUpperCase() + "@example.com", "guess " + i), 401);
        }
        assertProblem(login("198.51.101.99", username, TestUsers.PASSWORD), 429);
    }

    @Test
    void aSuccessfulLoginForgetsTheAccountsFailuresWhicheverLoginNamedIt() {
        for (int i = 0; i < 4; i++) {
            assertProblem(login("198.51.102." + i, username, "guess " + i), 401);
        }
        assertThat(login("198.51.102.50", username.toUpperCase() + "@example.com", TestUsers.PASSWORD).status())
                .isEqualTo(200);
        // Without the reset, the fifth failure would make the next attempt wait.
        for (int i = 4; i < 8; i++) {
            assertProblem(login("198.51.102." + i, username, "guess " + i), 401);
        }
    }

    @Test
    void successfulLoginsAreNeverThrottled() {
        for (int i = 0; i < 10; i++) {
            assertThat(login("192.0.2.10", username, TestUsers.PASSWORD).status()).isEqualTo(200);
        }
    }

    @Test
    void theLoginFormAnswers429AndSaysHowLongToWait() {
        for (int i = 0; i < 3; i++) {
            Response failed = submitLoginForm("192.0.2.77", "wrong " + i);
            assertThat(failed.status()).isEqualTo(302);
            assertThat(failed.header("Location")).endsWith("/login?error");
        }

        Response throttled = submitLoginForm("192.0.2.77", TestUsers.PASSWORD);
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isNotNull();
        assertThat(throttled.body()).contains("Too many failed attempts").contains("minutes");

        Response otherClient = submitLoginForm("192.0.2.78", TestUsers.PASSWORD);
        assertThat(otherClient.status()).isEqualTo(302);
        assertThat(otherClient.header("Location")).doesNotContain("error");
    }

    /** Submits the real login form: its CSRF token and session cookie come from the login page. */
    private Response submitLoginForm(String client, String password) {
        Response page = api.get("/login", "X-Forwarded-For", client);
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(token.find()).isTrue();
        String form = "login=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(token.group(1));
        return api.send("POST", "/login", "application/x-www-form-urlencoded", form,
                "Cookie", "SESSION=" + page.sessionCookie(), "X-Forwarded-For", client);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private Response login(String client, String login, String password) {
        return api.post("/api/auth/login", ApiClient.json(Map.of("login", login, "password", password)),
                "X-Forwarded-For", client);
    }
}
