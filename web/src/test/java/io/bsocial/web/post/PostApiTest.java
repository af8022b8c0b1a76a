package io.bsocial.web.post;

import static io.bsocial.web.support.ProblemAssertions.assertProblem;
import static io.bsocial.web.support.ProblemAssertions.fields;
import static org.assertj.core.api.Assertions.assertThat;

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
import io.bsocial.web.support.TestUsers.LoggedIn;
import tools.jackson.databind.JsonNode;

@WebIntegrationTest
class PostApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    LoggedIn author;

    @BeforeEach
    void author() {
        api = new ApiClient(port);
        author = TestUsers.create(api, "author");
    }

    @Test
    void createsAPostAndAnswersItWithItsLocation() {
        Response created = create("Hello, bSocial!");

        assertThat(created.status()).isEqualTo(201);
        JsonNode post = created.json();
        assertThat(post.propertyNames()).containsExactlyInAnyOrder("id", "author", "content", "createdAt", "editedAt",
                "commentCount", "likeCount", "likedByMe", "tags", "mentions");
        assertThat(post.get("editedAt").isNull()).isTrue();
        assertThat(post.get("author").propertyNames()).containsExactlyInAnyOrder("id", "username", "firstName", "lastName",
                "bio", "avatarUrl");
        assertThat(post.get("author").get("username").asString()).isEqualTo(author.username());
        assertThat(post.get("content").asString()).isEqualTo("Hello, bSocial!");
        assertThat(post.get("commentCount").asInt()).isZero();
        assertThat(post.get("createdAt").asString()).endsWith("Z");
        assertThat(created.header("Location")).isEqualTo("/api/posts/" + post.get("id").asLong());

        Response fetched = api.get(created.header("Location"), author.auth());
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.json()).isEqualTo(post);
    }

    @Test
    void keepsTheTextExactlyAsTypedInsideTheSurroundingBlanks() {
        String text = "Ünïcödé ✓ 🎉 <b>bold</b> & \"quotes\" 'single' \\ backslash\nsecond line\n\n  indented";
        Response created = create("  \n" + text + "\n  ");
        assertThat(created.json().get("content").asString()).isEqualTo(text);
        assertThat(api.get(created.header("Location"), author.auth()).json().get("content").asString()).isEqualTo(text);
    }

    @Test
    void refusesBlankOrTooLongPostsAndStoresNothing() {
        long before = postCount();
        for (String blank : new String[] {"", "   ", "\n\t "}) {
            Response response = create(blank);
            assertProblem(response, 400);
            assertThat(fields(response)).containsExactly("content");
        }
        assertProblem(api.post("/api/posts", "{}", author.auth()), 400);
        assertProblem(create("x".repeat(2001)), 400);
        assertThat(postCount()).isEqualTo(before);

        assertThat(create("x".repeat(2000)).status()).isEqualTo(201);
        assertThat(create("🎉".repeat(2000)).status()).as("2,000 characters, 4,000 UTF-16 units").isEqualTo(201);
        assertProblem(create("🎉".repeat(2001)), 400);
    }

    @Test
    void badInputAnswers4xxNever500() {
        assertProblem(api.post("/api/posts", "{\"content\": {\"text\": 1}}", author.auth()), 400);
        assertProblem(api.post("/api/posts", "{\"content\": [\"a\"]}", author.auth()), 400);
        assertProblem(api.post("/api/posts", "not json", author.auth()), 400);
        assertProblem(api.send("POST", "/api/posts", "text/plain", "hello", author.auth()), 415);
        assertProblem(api.get("/api/posts/abc", author.auth()), 400);
        assertProblem(api.get("/api/posts/99999999999", author.auth()), 404);
        assertProblem(api.get("/api/posts/-1", author.auth()), 404);
        assertProblem(api.get("/api/posts/1e3", author.auth()), 400);

        Response huge = api.post("/api/posts", ApiClient.json(Map.of("content", "y".repeat(3_000_000))), author.auth());
        assertThat(huge.status()).isBetween(400, 499);
    }

    @Test
    void contentMustBeAJsonStringNotANumberOrABoolean() {
        long before = postCount();
        for (String body : new String[] {"{\"content\": 42}", "{\"content\": 4.2}", "{\"content\": true}",
                "{\"content\": false}"}) {
            Response response = api.post("/api/posts", body, author.auth());
            assertProblem(response, 400);
            assertThat(fields(response)).as(body).containsExactly("content");
        }
        assertThat(postCount()).isEqualTo(before);
    }

    @Test
    void refusesControlCharactersAndLoneSurrogatesButKeepsTabsAndLineBreaks() {
        long before = postCount();
        for (String bad : new String[] {"a\u0000b", "\u0000", "bell\u0007", "esc\u001B[31m", "del\u007F",
                "next line\u0085", "form\ffeed"}) {
            Response response = create(bad);
            assertProblem(response, 400);
            assertThat(fields(response)).as(bad).containsExactly("content");
        }
        // A lone surrogate cannot be written by a JSON library, only escaped by hand.
        for (String escaped : new String[] {"lone \\ud800 high", "lone \\udc00 low", "cut \\ud83d"}) {
            Response response = api.post("/api/posts", "{\"content\": \"" + escaped + "\"}", author.auth());
            assertProblem(response, 400);
            assertThat(fields(response)).as(escaped).containsExactly("content");
        }
        assertThat(postCount()).isEqualTo(before);

        Response typed = create("col1\tcol2\r\nline two\nline three \uD83C\uDF89 \u202Eright-to-left");
        assertThat(typed.status()).as(typed.body()).isEqualTo(201);
        assertThat(typed.json().get("content").asString())
                .isEqualTo("col1\tcol2\r\nline two\nline three \uD83C\uDF89 \u202Eright-to-left");
    }

    @Test
    void textMadeOnlyOfInvisibleCharactersIsBlank() {
        long before = postCount();
        for (String invisible : new String[] {"\u200B", "\u200B\u200C\u200D", " \u2060\uFEFF ", "\u00A0\u200B",
                "\u3164", "\u00AD\u034F", "\uDB40\uDC20"}) {
            Response response = create(invisible);
            assertProblem(response, 400);
            assertThat(fields(response)).containsExactly("content");
            assertThat(response.json().get("errors").get(0).get("message").asString()).contains("blank");
        }
        assertThat(postCount()).isEqualTo(before);
        assertThat(create("\u200Bvisible\u200B").status()).isEqualTo(201);
    }

    /** Posts and comments that look blank to a reader: the braille blank, combining marks with no base, fillers. */
    @Test
    void textMadeOnlyOfBlankLookingCharactersIsBlank() {
        long post = TestUsers.post(api, author, "something to comment on");
        long before = postCount();
        for (String blank : new String[] {"\u2800", "\u2800\n\u2800", "\u0301", "\u0301\u0301\u0301", " \u0301\u20DD ",
                "\u115F\u1160\uFFA0", "\u2000\u200A\u205F\u3000", "\u3164\u2800\u200B"}) {
            String name = blank.codePoints().mapToObj(c -> String.format("U+%04X", c)).toList().toString();
            Response response = create(blank);
            assertProblem(response, 400);
            assertThat(fields(response)).as(name).containsExactly("content");
            assertThat(response.json().get("errors").get(0).get("message").asString()).as(name).contains("blank");
            Response comment = api.post("/api/posts/" + post + "/comments", ApiClient.json(Map.of("content", blank)),
                    author.auth());
            assertProblem(comment, 400);
            assertThat(fields(comment)).as(name).containsExactly("content");
            assertThat(comment.json().get("errors").get(0).get("message").asString()).as(name).contains("blank");
        }
        assertThat(postCount()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM comments WHERE post_id = ?").param(post).query(Long.class).single())
                .isZero();
        assertThat(create("cafe\u0301 \u2800\u2813\u280A").status()).isEqualTo(201);
    }

    private Response create(String content) {
        return api.post("/api/posts", ApiClient.json(Map.of("content", content)), author.auth());
    }

    private long postCount() {
        return jdbc.sql("SELECT COUNT(*) FROM posts WHERE author_id = ?").param(author.id()).query(Long.class).single();
    }
}
