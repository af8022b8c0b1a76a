package io.bsocial.web.security.internal;

import static io.bsocial.web.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.bsocial.web.WebIntegrationTest;
import io.bsocial.web.support.ApiClient;
import io.bsocial.web.support.ApiClient.Response;
import io.bsocial.web.support.ProblemAssertions;
import io.bsocial.web.support.TestUsers;

@WebIntegrationTest
class SessionApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    String username;

    @BeforeEach
    void registerAUser() {
        api = new ApiClient(port);
        username = TestUsers.uniqueUsername("Login");
        assertThat(api.post("/api/auth/register", ApiClient.json(TestUsers.registration(username))).status())
                .isEqualTo(201);
    }

    @Test
    void logsInByUsernameOrEmailAndAnswersTheSessionIdAsTokenAndCookie() {
        for (String login : new String[] {username, username.toLowerCase(), username + "@example.com",
                (username + "@example.com").toUpperCase()}) {
            Response response = login(login, TestUsers.PASSWORD);

            assertThat(response.status()).as(login).isEqualTo(200);
            String token = response.json().get("token").asString();
            assertThat(response.json().get("user").get("username").asString()).isEqualTo(username);
            assertThat(response.body()).doesNotContain(TestUsers.PASSWORD).doesNotContain("argon2");
            assertThat(sessionExists(token)).isTrue();

            String setCookie = response.headers().get("set-cookie").get(0);
            assertThat(setCookie).contains("HttpOnly").contains("SameSite=Lax");
            assertThat(new String(Base64.getDecoder().decode(response.sessionCookie()))).isEqualTo(token);
        }
    }

    @Test
    void theTokenHeaderAndTheCookieBothAuthenticate() {
        Response login = login(username, TestUsers.PASSWORD);
        String token = login.json().get("token").asString();

        assertThat(api.get("/api/me", "X-Auth-Token", token).status()).isEqualTo(200);
        assertThat(api.get("/api/me", "Cookie", "SESSION=" + login.sessionCookie()).status()).isEqualTo(200);
    }

    /** The Actuator keeps no session: reading health (or any endpoint) with a session leaves it as it was. */
    @Test
    void readingTheActuatorWithASessionNeitherEndsNorRotatesIt() {
        Response login = login(username, TestUsers.PASSWORD);
        String token = login.json().get("token").asString();

        for (String path : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/metrics"}) {
            Response read = api.get(path, "X-Auth-Token", token);
            assertThat(read.headers().getOrDefault("set-cookie", java.util.List.of())).as(path)
                    .noneMatch(cookie -> cookie.startsWith("SESSION="));
            assertThat(api.get("/api/me", "X-Auth-Token", token).status()).as("after %s", path).isEqualTo(200);
        }
        Response withCookie = api.get("/actuator/health", "Cookie", "SESSION=" + login.sessionCookie());
        assertThat(withCookie.status()).isEqualTo(200);
        assertThat(sessionExists(token)).isTrue();
        assertThat(api.get("/api/me", "X-Auth-Token", token).status()).isEqualTo(200);
    }

    @Test
    void unknownUserAndWrongPasswordFailTheSameWay() {
        Response wrongPassword = login(username, "not the password");
        Response unknownUser = login("nobody_" + username, TestUsers.PASSWORD);

        assertProblem(wrongPassword, 401);
        assertProblem(unknownUser, 401);
        assertThat(wrongPassword.json().get("detail")).isEqualTo(unknownUser.json().get("detail"));
        assertThat(wrongPassword.sessionCookie()).isNull();
        assertProblem(api.post("/api/auth/login", "{\"login\": \"\"}"), 400);
        assertProblem(api.send("POST", "/api/auth/login", "text/plain", "login=x&password=y"), 415);
    }

    @Test
    void aHundredCharacterPasswordWorksAndItsEightiethCharacterMatters() {
        String name = TestUsers.uniqueUsername("long");
        String password = "a".repeat(79) + "Z" + "b".repeat(20);
        Map<String, Object> body = new HashMap<>(TestUsers.registration(name));
        body.put("password", password);
        body.put("passwordConfirmation", password);
        assertThat(api.post("/api/auth/register", ApiClient.json(body)).status()).isEqualTo(201);

        assertThat(login(name, password).status()).isEqualTo(200);
        assertProblem(login(name, "a".repeat(79) + "Y" + "b".repeat(20)), 401);
    }

    @Test
    void logoutDeletesTheSessionAtOnce() {
        String token = login(username, TestUsers.PASSWORD).json().get("token").asString();

        Response logout = api.send("POST", "/api/auth/logout", null, null, "X-Auth-Token", token);

        assertThat(logout.status()).isEqualTo(204);
        assertThat(sessionExists(token)).isFalse();
        assertProblem(api.get("/api/me", "X-Auth-Token", token), 401);
        assertProblem(api.send("POST", "/api/auth/logout", null, null, "X-Auth-Token", token), 401);
    }

    @Test
    void cookieAuthenticatedChangesNeedACsrfTokenButTokenAuthenticatedOnesDoNot() {
        Response login = login(username, TestUsers.PASSWORD);
        String cookie = "SESSION=" + login.sessionCookie();

        assertProblem(api.send("POST", "/api/auth/logout", null, null, "Cookie", cookie), 403);
        assertThat(api.get("/api/me", "Cookie", cookie).status()).isEqualTo(200);
    }

    @Test
    void loggingInAgainGivesANewSessionId() {
        Response first = login(username, TestUsers.PASSWORD);
        Response second = api.post("/api/auth/login",
                ApiClient.json(Map.of("login", username, "password", TestUsers.PASSWORD)),
                "Cookie", "SESSION=" + first.sessionCookie());

        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().get("token").asString()).isNotEqualTo(first.json().get("token").asString());
    }

    @Test
    void unknownRoutesAndWrongMethodsAnswerProblems() {
        String token = login(username, TestUsers.PASSWORD).json().get("token").asString();

        assertProblem(api.get("/api/no-such-thing", "X-Auth-Token", token), 404);
        assertProblem(api.send("PUT", "/api/me", null, null, "X-Auth-Token", token), 405);
        assertProblem(api.get("/api/no-such-thing"), 401);
    }

    @Test
    void aLoginThatIsNotAPlainStringIsRefusedNotLookedUp() {
        Response number = api.post("/api/auth/login", "{\"login\": 42, \"password\": \"x\"}");
        assertProblem(number, 400);
        assertThat(ProblemAssertions.fields(number)).containsExactly("login");
        assertThat(ProblemAssertions.fields(api.post("/api/auth/login",
                "{\"login\": \"" + username + "\", \"password\": true}"))).containsExactly("password");

        // PostgreSQL cannot even compare a string holding NUL: it must never reach a query.
        for (String login : new String[] {username + "\u0000", "a\u0000b@example.com", "x\u001By"}) {
            Response response = login(login, TestUsers.PASSWORD);
            assertProblem(response, 400);
            assertThat(ProblemAssertions.fields(response)).as(login).containsExactly("login");
        }
        // A password that cannot be hashed (a lone surrogate has no UTF-8 bytes) is simply wrong.
        Response lone = api.post("/api/auth/login", "{\"login\": \"" + username + "\", \"password\": \"pw\\ud800\"}");
        assertProblem(lone, 401);
    }

    private Response login(String login, String password) {
        return api.post("/api/auth/login", ApiClient.json(Map.of("login", login, "password", password)));
    }

    private boolean sessionExists(String id) {
        return jdbc.sql("SELECT COUNT(*) FROM spring_session WHERE session_id = ?").param(id)
                .query(Long.class).single() > 0;
    }
}
