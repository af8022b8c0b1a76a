package io.bsocial.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.bsocial.web.WebAppTest;
import io.bsocial.web.support.ApiClient;
import io.bsocial.web.support.ApiClient.Response;
import io.bsocial.web.support.TestUsers;

/**
 * The session id travels in an {@code X-Auth-Token} response header on {@code POST /api/auth/login}
 * only (beside the {@code token} of its body). Pages and htmx answers that start or renew a session
 * carry the cookie (HttpOnly, out of scripts' reach) and never the header, which a page's script
 * could read: every answer that created or changed a session used to carry it.
 */
@WebAppTest
class SessionTokenHeaderTest {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    ApiClient http;

    @BeforeEach
    void client() {
        http = new ApiClient(port);
    }

    @Test
    void loginAnswersTheTokenInItsHeaderAndItsBody() {
        String username = registerByApi();

        Response login = http.post("/api/auth/login", ApiClient.json(Map.of("login", username, "password", TestUsers.PASSWORD)));

        assertThat(login.status()).isEqualTo(200);
        assertThat(login.header("X-Auth-Token")).isNotBlank().isEqualTo(login.json().get("token").asString());
        assertThat(http.get("/api/me", "X-Auth-Token", login.header("X-Auth-Token")).status()).isEqualTo(200);
    }

    @Test
    void registeringByTheApiAnswersNoToken() {
        Response registered = http.post("/api/auth/register",
                ApiClient.json(TestUsers.registration(TestUsers.uniqueUsername("hdr"))));

        assertThat(registered.status()).isEqualTo(201);
        assertThat(registered.header("X-Auth-Token")).isNull();
    }

    @Test
    void pagesThatStartASessionSetTheCookieOnly() {
        for (String page : new String[] {"/login", "/register"}) {
            Response form = http.get(page);
            assertThat(form.status()).isEqualTo(200);
            assertThat(form.sessionCookie()).as(page + " starts a session (its CSRF token)").isNotNull();
            assertThat(form.header("X-Auth-Token")).as(page).isNull();
        }
    }

    @Test
    void registeringAndLoggingInThroughThePagesSetTheCookieOnly() {
        Response form = http.get("/register");
        String username = TestUsers.uniqueUsername("hdrpage");
        Response registered = formPost("/register", form, registrationForm(username));
        assertThat(registered.status()).isEqualTo(302);
        assertThat(registered.sessionCookie()).as("a new session id").isNotNull().isNotEqualTo(form.sessionCookie());
        assertThat(registered.header("X-Auth-Token")).isNull();

        Response loginForm = http.get("/login");
        Response loggedIn = formPost("/login", loginForm, Map.of("login", username, "password", TestUsers.PASSWORD));
        assertThat(loggedIn.status()).isEqualTo(302);
        assertThat(loggedIn.sessionCookie()).isNotNull();
        assertThat(loggedIn.header("X-Auth-Token")).isNull();
    }

    @Test
    void htmxAnswersThatStartASessionSetTheCookieOnly() {
        Response form = http.get("/register");
        Response registered = formPost("/register", form, registrationForm(TestUsers.uniqueUsername("hdrhx")),
                "HX-Request", "true");
        assertThat(registered.status()).isLessThan(400);
        assertThat(registered.sessionCookie()).as("a new session id").isNotNull().isNotEqualTo(form.sessionCookie());
        assertThat(registered.header("X-Auth-Token")).isNull();

        Response feed = http.get("/", "Cookie", "SESSION=" + registered.sessionCookie(), "HX-Request", "true");
        assertThat(feed.status()).isEqualTo(200);
        assertThat(feed.header("X-Auth-Token")).isNull();
    }

    private String registerByApi() {
        String username = TestUsers.uniqueUsername("hdr");
        assertThat(http.post("/api/auth/register", ApiClient.json(TestUsers.registration(username))).status()).isEqualTo(201);
        return username;
    }

    private static Map<String, String> registrationForm(String username) {
        return Map.of("firstName", "Header", "lastName", "Test", "username", username, "email", username + "@example.com",
                "password", TestUsers.PASSWORD, "passwordConfirmation", TestUsers.PASSWORD);
    }

    /** Posts the form of {@code page} with its session cookie and CSRF token, as a browser would. */
    private Response formPost(String path, Response page, Map<String, String> fields, String... headers) {
        Matcher token = CSRF.matcher(page.body());
        assertThat(token.find()).as("the page's CSRF token").isTrue();
        String body = fields.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&", "", "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8)));
        String[] all = new String[headers.length + 2];
        all[0] = "Cookie";
        all[1] = "SESSION=" + page.sessionCookie();
        System.arraycopy(headers, 0, all, 2, headers.length);
        return http.send("POST", path, "application/x-www-form-urlencoded", body, all);
    }
}
