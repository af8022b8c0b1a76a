package io.bsocial.web.support;

import static io.bsocial.web.support.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.bsocial.web.WebIntegrationTest;
import io.bsocial.web.support.ApiClient.Response;
import io.bsocial.web.support.TestUsers.LoggedIn;

/**
 * JSON bodies over 64 KB are refused with 413 before anything parses them, whether the client
 * announces the length or streams the body in chunks.
 */
@WebIntegrationTest
class RequestBodyLimitTest {

    private static final int LIMIT = 64 * 1024;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    LoggedIn author;

    @BeforeEach
    void author() {
        api = new ApiClient(port);
        author = TestUsers.create(api, "bodylimit");
    }

    @Test
    void aBodyOverTheLimitIs413BeforeParsing() {
        // Not even JSON: a parser would answer 400, so 413 proves that nothing parsed it.
        Response notJson = api.post("/api/posts", "x".repeat(65 * 1024), author.auth());
        assertProblem(notJson, 413);

        Response valid = api.post("/api/posts", ApiClient.json(Map.of("content", "y".repeat(LIMIT))), author.auth());
        assertProblem(valid, 413);
        assertProblem(api.post("/api/auth/register", "{\"firstName\":\"" + "z".repeat(LIMIT) + "\"}"), 413);
        assertThat(postCount()).isZero();
    }

    @Test
    void aChunkedBodyOverTheLimitIs413Too() throws Exception {
        Response chunked = chunked("/api/posts", ("\"" + "y".repeat(70 * 1024)).getBytes(StandardCharsets.UTF_8));
        assertProblem(chunked, 413);
        assertThat(postCount()).isZero();
    }

    @Test
    void bodiesUpToTheLimitAreParsedAsUsual() throws Exception {
        // Parsed, then refused by validation (too long for a post): the limit is not what answers.
        String almost = ApiClient.json(Map.of("content", "y".repeat(LIMIT - 100)));
        assertThat(almost.length()).isLessThanOrEqualTo(LIMIT);
        assertProblem(api.post("/api/posts", almost, author.auth()), 400);
        assertProblem(chunked("/api/posts", almost.getBytes(StandardCharsets.UTF_8)), 400);

        Response small = chunked("/api/posts", ApiClient.json(Map.of("content", "chunked and fine"))
                .getBytes(StandardCharsets.UTF_8));
        assertThat(small.status()).as(small.body()).isEqualTo(201);
        assertThat(small.json().get("content").asString()).isEqualTo("chunked and fine");
    }

    /** A body of unknown length: HttpClient sends it with {@code Transfer-Encoding: chunked}. */
    private Response chunked(String path, byte[] body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-Auth-Token", author.token())
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.headers().map(), response.body());
    }

    private long postCount() {
        return jdbc.sql("SELECT COUNT(*) FROM posts WHERE author_id = ?").param(author.id()).query(Long.class).single();
    }
}
