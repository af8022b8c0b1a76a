package io.bsocial.web.account;

import static io.bsocial.web.support.ProblemAssertions.assertProblem;
import static io.bsocial.web.support.ProblemAssertions.fields;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.bsocial.web.WebIntegrationTest;
import io.bsocial.web.support.ApiClient;
import io.bsocial.web.support.ApiClient.Response;
import io.bsocial.web.support.TestUsers;
import tools.jackson.databind.JsonNode;

@WebIntegrationTest
class AccountApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void registersAUserAndAnswersItWithoutAnySecret() {
        String username = TestUsers.uniqueUsername("Reg");
        Response response = api.post("/api/auth/register", ApiClient.json(TestUsers.registration(username)));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.header("Location")).isEqualTo("/api/users/" + username);
        JsonNode user = response.json();
        assertThat(user.propertyNames()).containsExactlyInAnyOrder(
                "id", "username", "firstName", "lastName", "email", "registeredAt");
        assertThat(user.get("username").asString()).isEqualTo(username);
        assertThat(user.get("email").asString()).isEqualTo(username + "@example.com");
        assertThat(user.get("registeredAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(response.body()).doesNotContain(TestUsers.PASSWORD).doesNotContain("argon2");

        String stored = jdbc.sql("SELECT password_hash FROM users WHERE id = ?")
                .param(user.get("id").asLong()).query(String.class).single();
        assertThat(stored).startsWith("{argon2}$argon2id$").doesNotContain(TestUsers.PASSWORD);
    }

    @Test
    void reportsEveryInvalidFieldAtOnceAndStoresNothing() {
        long before = userCount();
        Response response = api.post("/api/auth/register", "{}");

        assertProblem(response, 400);
        assertThat(fields(response)).containsExactlyInAnyOrder(
                "firstName", "lastName", "username", "email", "password", "passwordConfirmation");
        assertThat(userCount()).isEqualTo(before);
    }

    @Test
    void enforcesTheLimitsOfEachField() {
        Map<String, Object> body = new HashMap<>(TestUsers.registration(TestUsers.uniqueUsername("lim")));
        body.put("firstName", "x".repeat(51));
        body.put("lastName", "   ");
        body.put("username", "no spaces allowed");
        body.put("email", "not-an-email");
        body.put("password", "short");
        body.put("passwordConfirmation", "different");
        Response response = api.post("/api/auth/register", ApiClient.json(body));

        assertProblem(response, 400);
        assertThat(fields(response)).containsExactlyInAnyOrder(
                "firstName", "lastName", "username", "email", "password", "passwordConfirmation");

        for (String username : List.of("ab", "x".repeat(31), "bad-dash", "émile")) {
            Map<String, Object> one = new HashMap<>(TestUsers.registration("ok_name"));
            one.put("username", username);
            assertThat(fields(api.post("/api/auth/register", ApiClient.json(one)))).containsExactly("username");
        }
        Map<String, Object> tooLong = new HashMap<>(TestUsers.registration(TestUsers.uniqueUsername("long")));
        tooLong.put("password", "p".repeat(129));
        tooLong.put("passwordConfirmation", "p".repeat(129));
        assertThat(fields(api.post("/api/auth/register", ApiClient.json(tooLong)))).containsExactly("password");
    }

    @Test
    void refusesATakenUsernameOrEmailIgnoringCase() {
        String username = TestUsers.uniqueUsername("Taken");
        assertThat(api.post("/api/auth/register", ApiClient.json(TestUsers.registration(username))).status())
                .isEqualTo(201);
        long before = userCount();

        Map<String, Object> sameName = new HashMap<>(TestUsers.registration(username.toUpperCase()));
        sameName.put("email", "someone.else." + username + "@example.com");
        Response nameTaken = api.post("/api/auth/register", ApiClient.json(sameName));
        assertProblem(nameTaken, 409);
        assertThat(fields(nameTaken)).containsExactly("username");

        Map<String, Object> sameEmail = new HashMap<>(TestUsers.registration(username + "_2"));
        sameEmail.put("email", (username + "@EXAMPLE.com").toUpperCase());
        Response emailTaken = api.post("/api/auth/register", ApiClient.json(sameEmail));
        assertProblem(emailTaken, 409);
        assertThat(fields(emailTaken)).containsExactly("email");
        assertThat(userCount()).isEqualTo(before);
    }

    @Test
    void refusesBodiesThatAreNotJsonOrNotWellFormed() {
        assertProblem(api.send("POST", "/api/auth/register", "text/plain", "firstName=x"), 415);
        assertProblem(api.post("/api/auth/register", "{\"firstName\": "), 400);
        assertProblem(api.post("/api/auth/register", "{\"firstName\": {\"nested\": true}}"), 400);
        assertProblem(api.post("/api/auth/register", "[1, 2, 3]"), 400);
    }

    @Test
    void meAnswersTheCallerWithEmailAndNeedsAuthentication() {
        TestUsers.LoggedIn user = TestUsers.create(api, "me");
        Response me = api.get("/api/me", user.auth());

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("username").asString()).isEqualTo(user.username());
        assertThat(me.json().get("email").asString()).isEqualTo(user.username() + "@example.com");
        assertThat(me.json().has("registeredAt")).isTrue();
        assertProblem(api.get("/api/me"), 401);
        assertProblem(api.get("/api/me", "X-Auth-Token", "not-a-session"), 401);
    }

    private long userCount() {
        return jdbc.sql("SELECT COUNT(*) FROM users").query(Long.class).single();
    }
}
