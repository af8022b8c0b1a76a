package io.bsocial.web.security.internal;

import static io.bsocial.web.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import io.bsocial.shared.testing.PathSpellings;
import io.bsocial.shared.testing.RawRequests;
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
            otherInstance.begin(attacker, username, java.util.Optional.empty());
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

    /**
     * 100 wrong passwords from one address at once, on 24 threads: checking the limit and recording
     * the attempt are one step, so no more attempts reach a password than the limit allows (before,
     * 42 got through a limit of 25: every attempt checked the count before any had recorded).
     * The bound is an upper one: when every attempt records before any counts, all of them see the
     * limit passed and are refused, which is the safe side (a person never sends 24 at once).
     */
    @Test
    void concurrentGuessesFromOneClientGetNoMoreThanTheClientsLimit() throws Exception {
        Map<Integer, Integer> answers = guessConcurrently(attempt -> login("203.0.113.200", username, "guess " + attempt));

        int failed = answers.getOrDefault(401, 0);
        assertThat(failed).isBetween(0, 3);
        assertThat(answers.getOrDefault(429, 0)).isGreaterThanOrEqualTo(97 - answers.getOrDefault(503, 0));
        assertThat(answers.keySet()).isSubsetOf(401, 429, 503);
        // Only the 401s stay counted: the client gets the rest of its three guesses, then waits.
        for (int i = failed; i < 3; i++) {
            assertProblem(login("203.0.113.200", username, "late guess " + i), 401);
        }
        assertProblem(login("203.0.113.200", username, TestUsers.PASSWORD), 429);
    }

    /** The same from 100 addresses against one account: its limit (5) holds as exactly (before, 72 got through a limit of 50). */
    @Test
    void concurrentGuessesFromManyClientsGetNoMoreThanTheAccountsLimit() throws Exception {
        Map<Integer, Integer> answers = guessConcurrently(attempt -> login("198.18.7." + attempt, username, "guess " + attempt));

        int failed = answers.getOrDefault(401, 0);
        assertThat(failed).isBetween(0, 5);
        assertThat(answers.keySet()).isSubsetOf(401, 429, 503);
        // An attempt answered 503 never checked its password and is not a failure: the account
        // holds exactly the 401s, so fresh clients get the rest of its five guesses, then wait.
        for (int i = failed; i < 5; i++) {
            assertProblem(login("198.18.8." + (i + 10), username, "late guess " + i), 401);
        }
        assertProblem(login("198.18.8.1", username, TestUsers.PASSWORD), 429);
    }

    /** Runs 100 attempts on 24 threads, all released at once; counts the answers by status. */
    private static Map<Integer, Integer> guessConcurrently(java.util.function.IntFunction<Response> attempt) throws Exception {
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(24);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        try {
            List<java.util.concurrent.Future<Integer>> statuses = new java.util.ArrayList<>();
            for (int i = 0; i < 100; i++) {
                int n = i;
                statuses.add(threads.submit(() -> {
                    start.await();
                    return attempt.apply(n).status();
                }));
            }
            start.countDown();
            Map<Integer, Integer> counts = new java.util.TreeMap<>();
            for (java.util.concurrent.Future<Integer> status : statuses) {
                counts.merge(status.get(), 1, Integer::sum);
            }
            return counts;
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * Every spelling of both login routes that the router still takes for a login meets the same
     * throttle, because the throttle is inside the password check itself: three wrong passwords
     * through a spelling, then a fourth through the plain route, is throttled exactly when the
     * spelling reached a password check. Before, {@code POST /%6cogin} reached the form login past
     * a throttle that compared the raw path, 300 times in 49 seconds.
     */
    @Test
    void everySpellingOfTheLoginRoutesMeetsTheThrottle() {
        int client = 0;
        int checkedSpellings = 0;
        List<String> routes = new java.util.ArrayList<>();
        for (String form : PathSpellings.of("/login")) {
            routes.add("form " + form);
        }
        for (String api : PathSpellings.of("/api/auth/login")) {
            routes.add("api " + api);
        }
        for (String route : routes) {
            String address = "198.19." + (client / 250) + "." + (client % 250 + 1);
            client++;
            String ghost = "ghost" + client + "_" + java.util.UUID.randomUUID().toString().substring(0, 8);
            List<RawRequests.Answer> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                answers.add(route.startsWith("form ") ? rawForm(route.substring(5), address, ghost, "wrong " + i)
                        : rawApi(route.substring(4), address, ghost, "wrong " + i));
            }
            boolean checked = answers.stream().allMatch(LoginThrottleTest::passwordWasChecked);
            boolean refused = answers.stream().noneMatch(LoginThrottleTest::passwordWasChecked);
            assertThat(checked || refused).as(route + " answered " + answers).isTrue();
            Response next = login(address, ghost, "wrong again");
            assertThat(next.status()).as(route + " then the plain route").isEqualTo(checked ? 429 : 401);
            checkedSpellings += checked ? 1 : 0;
        }
        // The plain routes and some encoded ones (e.g. /%6cogin) do reach the password check.
        assertThat(checkedSpellings).isGreaterThan(2);
    }

    /** Once a client is throttled, no spelling of either route logs it in, even with the right password. */
    @Test
    void aThrottledClientLogsInByNoSpellingOfEitherRoute() {
        String attacker = "203.0.113.210";
        for (int i = 0; i < 3; i++) {
            assertProblem(login(attacker, username, "guess " + i), 401);
        }
        List<String> failures = new java.util.ArrayList<>();
        for (String form : PathSpellings.of("/login")) {
            RawRequests.Answer answer = rawForm(form, attacker, username, TestUsers.PASSWORD);
            if (loggedIn(answer)) {
                failures.add("form " + form + " → " + answer);
            }
        }
        for (String api : PathSpellings.of("/api/auth/login")) {
            RawRequests.Answer answer = rawApi(api, attacker, username, TestUsers.PASSWORD);
            if (loggedIn(answer)) {
                failures.add("api " + api + " → " + answer);
            }
        }
        assertThat(failures).isEmpty();
    }

    private static boolean loggedIn(RawRequests.Answer answer) {
        return answer.headers("Set-Cookie").stream().anyMatch(cookie -> cookie.startsWith(DeviceCookies.NAME + "="))
                || answer.body().contains("\"token\"");
    }

    /** A wrong password was checked: the API's 401 for it, or the form's way back to the login page saying so. */
    private static boolean passwordWasChecked(RawRequests.Answer answer) {
        return answer.status() == 401 && answer.body().contains("Invalid login or password")
                || answer.status() == 302 && String.valueOf(answer.header("Location")).endsWith("/login?error");
    }

    private RawRequests.Answer rawApi(String target, String client, String login, String password) {
        return RawRequests.send(port, "POST", target, ApiClient.json(Map.of("login", login, "password", password)),
                "Content-Type", "application/json", "X-Forwarded-For", client);
    }

    /** The login form, sent to a spelling of its address with a real session and CSRF token from the login page. */
    private RawRequests.Answer rawForm(String target, String client, String login, String password) {
        Response page = api.get("/login", "X-Forwarded-For", client);
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(token.find()).isTrue();
        String form = "login=" + enc(login) + "&password=" + enc(password) + "&_csrf=" + enc(token.group(1));
        return RawRequests.send(port, "POST", target, form, "Content-Type", "application/x-www-form-urlencoded",
                "Cookie", "SESSION=" + page.sessionCookie(), "X-Forwarded-For", client);
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
