package io.bsocial.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.bsocial.web.WebAppTest;
import io.bsocial.web.support.ApiClient;
import io.bsocial.web.support.RawHttp;

/**
 * Web allows no cross-origin calls: a CORS preflight from another origin is refused with a 403
 * problem document (it was a text/plain "Invalid CORS request"), and one whose {@code Origin} is
 * no URL at all is refused the same way, leaving no stack trace in the log (it was a 500).
 */
@WebAppTest
@ExtendWith(OutputCaptureExtension.class)
class CrossOriginRefusalsTest {

    private static final List<String> ORIGINS = List.of("http://evil.example.com", "null", "http://[::1", "%%",
            "http://localhost:99999999999", "http://local host", "http://localhost:8080/%zz");

    @LocalServerPort
    int port;

    @Test
    void aPreflightFromAnyOtherOriginIsA403ProblemAndLogsNoStackTrace(CapturedOutput log) {
        int logged = log.getAll().length();
        for (String origin : ORIGINS) {
            for (String path : List.of("/api/posts", "/posts", "/api/auth/login")) {
                ApiClient.Response answer = RawHttp.request(port, "OPTIONS", path, "Origin", origin,
                        "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type");
                assertThat(answer.status()).as(origin + " " + path + ": " + answer.body()).isEqualTo(403);
                assertThat(answer.header("Content-Type")).as(origin + " " + path).startsWith("application/problem+json");
                assertThat(answer.header("Access-Control-Allow-Origin")).as(origin + " " + path).isNull();
                assertThat(answer.body()).contains("\"status\":403").doesNotContain("Exception");
            }
        }
        assertThat(log.getAll().substring(logged)).doesNotContain("\tat ").doesNotContain(" ERROR ");
    }
}
