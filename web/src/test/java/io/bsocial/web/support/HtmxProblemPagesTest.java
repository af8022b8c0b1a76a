package io.bsocial.web.support;

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
import org.springframework.boot.test.web.server.LocalServerPort;

import io.bsocial.web.WebAppTest;
import io.bsocial.web.support.TestUsers.LoggedIn;

/**
 * A page's htmx request that fails answers a problem document, which the page shows next to its
 * form (the text typed stays): validation names the field, a post that is gone says so, an
 * unknown address is a 404 problem. Without htmx the same form is a whole page again. Real HTTP:
 * the container's error dispatch is part of the answer.
 */
@WebAppTest
class HtmxProblemPagesTest {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    ApiClient http;
    LoggedIn author;

    @BeforeEach
    void someone() {
        http = new ApiClient(port);
        author = TestUsers.create(http, "hxp");
    }

    @Test
    void aBlankPostIsA400NamingTheField() {
        ApiClient.Response answer = htmxPost("/posts", Map.of("content", " \u200B "));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().get("detail").asString()).isEqualTo("A post must not be blank.");
        assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo("content");
        assertThat(answer.json().get("errors").get(0).get("message").asString()).isEqualTo("A post must not be blank.");
    }

    @Test
    void aCommentOnAPostThatIsGoneIsA404SayingSo() {
        ApiClient.Response answer = htmxPost("/posts/999999999/comments", Map.of("content", "Anyone there?"));
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().get("detail").asString()).isEqualTo("This post was deleted, or you can no longer see it.");
    }

    @Test
    void anUnknownAddressIsA404ProblemForHtmxAndThePageOtherwise() {
        ApiClient.Response fragment = http.get("/no-such-fragment", "X-Auth-Token", author.token(), "HX-Request", "true");
        assertThat(fragment.status()).isEqualTo(404);
        assertThat(fragment.header("Content-Type")).startsWith("application/problem+json");
        assertThat(fragment.json().get("detail").asString()).isEqualTo("There is nothing here.");
        ApiClient.Response page = http.get("/no-such-fragment", "X-Auth-Token", author.token(), "Accept", "text/html");
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.header("Content-Type")).startsWith("text/html");
    }

    @Test
    void withoutHtmxAnInvalidPostIsTheFeedAgainWithTheTextAndTheErrorOnTheField() {
        ApiClient.Response answer = http.send("POST", "/posts", "application/x-www-form-urlencoded",
                form(Map.of("content", "x".repeat(2001), "_csrf", csrf(author.token()))), "X-Auth-Token", author.token());
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("A post must be at most 2,000 characters.", "x".repeat(2001))
                .containsPattern("id=\"compose-content\"[^>]*aria-invalid=\"true\"")
                .containsPattern("id=\"compose-content\"[^>]*aria-describedby=\"compose-content-error\"")
                .containsPattern("id=\"compose-content\"[^>]*autofocus")
                .contains("id=\"compose-content-error\"");
    }

    @Test
    void sentByHtmxARegistrationErrorIsAProblemDocumentNamingEachField() {
        String username = TestUsers.uniqueUsername("hxreg");
        ApiClient.Response page = http.get("/register");
        String cookie = "SESSION=" + page.sessionCookie();
        String token = token(page.body());
        Map<String, String> fields = new LinkedHashMap<>(Map.of("firstName", "", "lastName", "Lee", "username", username,
                "email", username + "@example.com", "password", TestUsers.PASSWORD,
                "passwordConfirmation", "something else"));
        ApiClient.Response invalid = http.send("POST", "/register", "application/x-www-form-urlencoded", form(fields),
                "Cookie", cookie, "HX-Request", "true", "X-CSRF-TOKEN", token);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.header("Content-Type")).startsWith("application/problem+json");
        assertThat(invalid.json().get("detail").asString()).isEqualTo("2 fields are invalid.");
        assertThat(invalid.body()).contains("{\"field\":\"firstName\",\"message\":\"First name is required.\"}",
                "{\"field\":\"passwordConfirmation\",\"message\":\"Passwords do not match.\"}");
        assertThat(invalid.body()).doesNotContain(TestUsers.PASSWORD);

        ApiClient.Response conflict = http.send("POST", "/register", "application/x-www-form-urlencoded",
                form(Map.of("firstName", "Lee", "lastName", "Lee", "username", author.username(),
                        "email", "other-" + username + "@example.com", "password", TestUsers.PASSWORD,
                        "passwordConfirmation", TestUsers.PASSWORD)),
                "Cookie", cookie, "HX-Request", "true", "X-CSRF-TOKEN", token);
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.json().get("errors").get(0).get("field").asString()).isEqualTo("username");
        assertThat(conflict.json().get("errors").get(0).get("message").asString()).isEqualTo("That username is already taken.");
    }

    private ApiClient.Response htmxPost(String path, Map<String, String> fields) {
        return http.send("POST", path, "application/x-www-form-urlencoded", form(fields),
                "X-Auth-Token", author.token(), "HX-Request", "true", "X-CSRF-TOKEN", csrf(author.token()));
    }

    private String csrf(String authToken) {
        return token(http.get("/", "X-Auth-Token", authToken).body());
    }

    private static String token(String page) {
        Matcher token = CSRF.matcher(page);
        assertThat(token.find()).as("a CSRF token in the page").isTrue();
        return token.group(1);
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
