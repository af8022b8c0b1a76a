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
                "id", "username", "firstName", "lastName", "email", "registeredAt", "bio", "avatarUrl");
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

    @Test
    void fieldsMustBeJsonStringsNotNumbersOrBooleans() {
        long before = userCount();
        Map<String, Object> body = new HashMap<>(TestUsers.registration(TestUsers.uniqueUsername("typed")));
        body.put("firstName", 42);
        body.put("lastName", true);
        Response response = api.post("/api/auth/register", ApiClient.json(body));

        // Binding stops at the first value of the wrong type, so one of the two is named.
        assertProblem(response, 400);
        assertThat(fields(response)).hasSize(1).containsAnyOf("firstName", "lastName");
        for (String field : List.of("username", "email", "password")) {
            Map<String, Object> one = new HashMap<>(TestUsers.registration(TestUsers.uniqueUsername("typed")));
            one.put(field, 12345678);
            Response typed = api.post("/api/auth/register", ApiClient.json(one));
            assertProblem(typed, 400);
            assertThat(fields(typed)).as(field).containsExactly(field);
        }
        assertThat(userCount()).isEqualTo(before);
    }

    @Test
    void namesAndEmailsRefuseControlDirectionAndLoneSurrogateCharacters() {
        long before = userCount();
        for (String bad : new String[] {"Ann\u0000", "Ann\tLee", "Ann\u001B", "\u202EnnA", "Ann\u202D",
                "x\u2066y\u2069", "Ann\u2067", "Ann\u0085"}) {
            Map<String, Object> body = new HashMap<>(TestUsers.registration(TestUsers.uniqueUsername("ctl")));
            body.put("firstName", bad);
            body.put("lastName", bad);
            Response response = api.post("/api/auth/register", ApiClient.json(body));
            assertProblem(response, 400);
            assertThat(fields(response)).as(bad).containsExactlyInAnyOrder("firstName", "lastName");
            assertThat(response.json().get("errors").get(0).get("message").asString()).contains("not contain");
        }
        String username = TestUsers.uniqueUsername("sur");
        Response surrogate = api.post("/api/auth/register", ApiClient.json(TestUsers.registration(username))
                .replace("\"firstName\":\"Test\"", "\"firstName\":\"Te\\ud800st\""));
        assertProblem(surrogate, 400);
        assertThat(fields(surrogate)).containsExactly("firstName");
        for (String email : new String[] {"a\u0000b@example.com", "ab@exa\u202Emple.com", "ab@example.com\u0007"}) {
            Map<String, Object> body = new HashMap<>(TestUsers.registration(TestUsers.uniqueUsername("ctl")));
            body.put("email", email);
            assertThat(fields(api.post("/api/auth/register", ApiClient.json(body)))).as(email).containsExactly("email");
        }
        assertThat(userCount()).isEqualTo(before);
    }

    @Test
    void namesMadeOnlyOfInvisibleCharactersAreBlank() {
        long before = userCount();
        for (String invisible : new String[] {"\u200B", "\u200B\u200C\u200D", "\u2060\uFEFF", "\u3164", " \u00A0 "}) {
            Map<String, Object> body = new HashMap<>(TestUsers.registration(TestUsers.uniqueUsername("zw")));
            body.put("firstName", invisible);
            Response response = api.post("/api/auth/register", ApiClient.json(body));
            assertProblem(response, 400);
            assertThat(fields(response)).containsExactly("firstName");
            assertThat(response.json().get("errors").get(0).get("message").asString())
                    .isEqualTo("First name is required.");
        }
        assertThat(userCount()).isEqualTo(before);
    }

    /**
     * Names that look blank though Unicode calls no character in them white space or ignorable: the
     * braille blank, combining marks with no base, and (already blank before) the Hangul fillers
     * and the typographic spaces.
     */
    @Test
    void namesMadeOnlyOfBlankLookingCharactersAreBlank() {
        long before = userCount();
        for (String blank : new String[] {"\u2800", "\u2800\u2800 \u2800", "\u0301", "\u0301\u0308\u20DD", " \u0301 ",
                "\u0903", "\u115F\u1160", "\uFFA0", "\u3164\u2800", "\u2000\u2005\u200A", "\u205F", "\u3000",
                "\u200B\u0301\u2800"}) {
            for (String field : new String[] {"firstName", "lastName"}) {
                Map<String, Object> body = new HashMap<>(TestUsers.registration(TestUsers.uniqueUsername("bl")));
                body.put(field, blank);
                Response response = api.post("/api/auth/register", ApiClient.json(body));
                String name = blank.codePoints().mapToObj(c -> String.format("U+%04X", c)).toList() + " as " + field;
                assertProblem(response, 400);
                assertThat(fields(response)).as(name).containsExactly(field);
                assertThat(response.json().get("errors").get(0).get("message").asString()).as(name)
                        .isEqualTo(field.equals("firstName") ? "First name is required." : "Last name is required.");
            }
        }
        assertThat(userCount()).isEqualTo(before);

        // A mark on a letter, and braille that says something, are names.
        Map<String, Object> accented = new HashMap<>(TestUsers.registration(TestUsers.uniqueUsername("bl")));
        accented.put("firstName", "Zoe\u0308");
        accented.put("lastName", "\u2800\u281E\u2800");
        Response registered = api.post("/api/auth/register", ApiClient.json(accented));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(registered.json().get("firstName").asString()).isEqualTo("Zoe\u0308");
    }

    @Test
    void passwordsMayHoldAnyPrintableCharacterButNoControlOrLoneSurrogate() {
        String username = TestUsers.uniqueUsername("pw");
        String password = "pässwörd \u202E \uD83C\uDF89 \u200B spaced out";
        Map<String, Object> body = new HashMap<>(TestUsers.registration(username));
        body.put("password", password);
        body.put("passwordConfirmation", password);
        assertThat(api.post("/api/auth/register", ApiClient.json(body)).status()).isEqualTo(201);
        assertThat(api.post("/api/auth/login", ApiClient.json(Map.of("login", username, "password", password))).status())
                .isEqualTo(200);

        long before = userCount();
        for (String bad : new String[] {"password\u0000", "pass\tword1", "password\u007F"}) {
            Map<String, Object> one = new HashMap<>(TestUsers.registration(TestUsers.uniqueUsername("pw")));
            one.put("password", bad);
            one.put("passwordConfirmation", bad);
            assertThat(fields(api.post("/api/auth/register", ApiClient.json(one)))).as(bad).containsExactly("password");
        }
        // Argon2 hashes UTF-8 bytes, and a lone surrogate has none: it must be refused, not crash.
        String lone = ApiClient.json(TestUsers.registration(TestUsers.uniqueUsername("pw")))
                .replace(TestUsers.PASSWORD, "password \\udc00 here");
        Response response = api.post("/api/auth/register", lone);
        assertProblem(response, 400);
        assertThat(fields(response)).containsExactly("password");
        assertThat(userCount()).isEqualTo(before);
    }

    @Test
    void aFullWidthEmailIsTheSameAddressAsItsPlainForm() {
        String username = TestUsers.uniqueUsername("fw");
        assertThat(api.post("/api/auth/register", ApiClient.json(TestUsers.registration(username))).status())
                .isEqualTo(201);
        long before = userCount();

        Map<String, Object> twin = new HashMap<>(TestUsers.registration(username + "_twin"));
        twin.put("email", fullWidth(username) + "@example.com");
        Response response = api.post("/api/auth/register", ApiClient.json(twin));
        assertProblem(response, 409);
        assertThat(fields(response)).containsExactly("email");

        twin.put("email", fullWidth(username.toUpperCase()) + "@ＥＸＡＭＰＬＥ.com");
        assertProblem(api.post("/api/auth/register", ApiClient.json(twin)), 409);
        assertThat(userCount()).isEqualTo(before);

        Response login = api.post("/api/auth/login", ApiClient.json(Map.of(
                "login", fullWidth(username) + "@example.com", "password", TestUsers.PASSWORD)));
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().get("user").get("username").asString()).isEqualTo(username);
    }

    @Test
    void namesWhoseLowerCaseIsLongerStillRegister() {
        // "İ" lower-cases to two characters: the search keys must not outgrow their columns.
        Map<String, Object> body = new HashMap<>(TestUsers.registration(TestUsers.uniqueUsername("dot")));
        body.put("firstName", "İ".repeat(50));
        body.put("lastName", "İ".repeat(50));
        Response response = api.post("/api/auth/register", ApiClient.json(body));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.json().get("firstName").asString()).isEqualTo("İ".repeat(50));
    }

    @Test
    void anEmailThatGrowsPastTheLimitOnceNormalisedIsRefused() {
        // U+FDFA is one character that NFKC spells out as eighteen.
        Map<String, Object> body = new HashMap<>(TestUsers.registration(TestUsers.uniqueUsername("nfkc")));
        body.put("email", "\uFDFA".repeat(14) + "@example.com");
        Response response = api.post("/api/auth/register", ApiClient.json(body));
        assertProblem(response, 400);
        assertThat(fields(response)).containsExactly("email");
    }

    private static String fullWidth(String ascii) {
        StringBuilder wide = new StringBuilder();
        ascii.chars().forEach(c -> wide.append(c > ' ' && c < 0x7F ? (char) (c + 0xFEE0) : (char) c));
        return wide.toString();
    }

    private long userCount() {
        return jdbc.sql("SELECT COUNT(*) FROM users").query(Long.class).single();
    }
}
