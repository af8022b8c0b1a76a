package io.bsocial.web.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.bsocial.web.WebAppTest;
import io.bsocial.web.support.ApiClient;
import io.bsocial.web.support.ApiClient.Response;
import io.bsocial.web.support.TestUsers;
import io.bsocial.web.support.TestUsers.LoggedIn;

/**
 * Page forms share the budgets of the API calls they make: past the budget, a form sent by htmx
 * gets the problem document the page shows next to the form (what was typed stays, as for every
 * failure), a plain form post a page saying how long to wait. Real HTTP, with the container's
 * error dispatch.
 */
@WebAppTest
class BudgetPagesTest {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern FORM_CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient http;

    @BeforeEach
    void client() {
        http = new ApiClient(port);
    }

    @Test
    void pastThePostBudgetTheComposeAndCommentFormsSayHowLongToWait() {
        LoggedIn author = TestUsers.create(http, "bpage");
        long post = TestUsers.post(http, author, "the first of 300");
        for (int i = 2; i <= 300; i++) {
            TestUsers.post(http, author, "post " + i);
        }
        String csrf = csrf(author);

        Response htmx = http.send("POST", "/posts", "application/x-www-form-urlencoded", form(Map.of("content", "typed")),
                "X-Auth-Token", author.token(), "HX-Request", "true", "X-CSRF-TOKEN", csrf);
        assertThat(htmx.status()).isEqualTo(429);
        assertThat(htmx.header("Content-Type")).startsWith("application/problem+json");
        assertThat(htmx.json().get("detail").asString())
                .matches("Too many posts and comments: the limit is 300 per 3 hours\\. Try again in .+\\.");
        assertThat(Long.parseLong(htmx.header("Retry-After"))).isPositive();
        assertThat(htmx.header("RateLimit-Policy")).isEqualTo("\"posts\";q=300;w=10800");

        Response comment = http.send("POST", "/posts/" + post + "/comments", "application/x-www-form-urlencoded",
                form(Map.of("content", "typed")), "X-Auth-Token", author.token(), "HX-Request", "true", "X-CSRF-TOKEN", csrf);
        assertThat(comment.status()).isEqualTo(429);
        assertThat(comment.json().get("detail").asString()).startsWith("Too many posts and comments");

        Response page = http.send("POST", "/posts", "application/x-www-form-urlencoded",
                form(Map.of("content", "typed", "_csrf", csrf)), "X-Auth-Token", author.token(), "Accept", "text/html");
        assertThat(page.status()).isEqualTo(429);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(Long.parseLong(page.header("Retry-After"))).isPositive();
        assertThat(page.body()).contains("Too many posts and comments: the limit is 300 per 3 hours. Try again in ")
                .doesNotContain("Exception");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM posts WHERE author_id = ? AND content = 'typed'").param(author.id())
                .query(Long.class).single()).isZero();
    }

    @Test
    void pastTheRegistrationBudgetTheRegistrationPageSaysHowLongToWait() {
        String address = TestUsers.clientAddress();
        for (int i = 0; i < 5; i++) {
            Map<String, Object> body = TestUsers.registration(TestUsers.uniqueUsername("bpreg"));
            assertThat(http.post("/api/auth/register", ApiClient.json(body), "X-Forwarded-For", address).status())
                    .isEqualTo(201);
        }
        Response form = http.get("/register");
        String cookie = "SESSION=" + form.sessionCookie();
        Matcher token = FORM_CSRF.matcher(form.body());
        assertThat(token.find()).isTrue();
        String username = TestUsers.uniqueUsername("bpreg");
        Map<String, String> fields = new LinkedHashMap<>(Map.of("firstName", "Page", "lastName", "Person",
                "username", username, "email", username + "@example.com", "password", TestUsers.PASSWORD,
                "passwordConfirmation", TestUsers.PASSWORD));

        Response htmx = http.send("POST", "/register", "application/x-www-form-urlencoded", form(fields),
                "Cookie", cookie, "HX-Request", "true", "X-CSRF-TOKEN", token.group(1), "X-Forwarded-For", address);
        assertThat(htmx.status()).isEqualTo(429);
        assertThat(htmx.json().get("detail").asString())
                .matches("Too many new accounts from this address: the limit is 5 per 30 minutes\\. Try again in .+\\.");
        assertThat(htmx.body()).doesNotContain(TestUsers.PASSWORD);

        fields.put("_csrf", token.group(1));
        Response page = http.send("POST", "/register", "application/x-www-form-urlencoded", form(fields),
                "Cookie", cookie, "X-Forwarded-For", address, "Accept", "text/html");
        assertThat(page.status()).isEqualTo(429);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("Too many new accounts from this address").contains("Try again in ")
                .doesNotContain(TestUsers.PASSWORD);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM users WHERE username = ?").param(username).query(Long.class).single())
                .isZero();
    }

    private String csrf(LoggedIn who) {
        Matcher token = CSRF.matcher(http.get("/", "X-Auth-Token", who.token()).body());
        assertThat(token.find()).as("a CSRF token in the page").isTrue();
        return token.group(1);
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
