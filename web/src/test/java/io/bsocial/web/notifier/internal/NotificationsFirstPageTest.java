package io.bsocial.web.notifier.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.bsocial.web.WebAppTest;
import io.bsocial.web.support.ApiClient;
import io.bsocial.web.support.TestUsers;
import io.bsocial.web.support.TestUsers.LoggedIn;

/**
 * The notifications page's first page, asked of the notifier while web renders the page. The notifier
 * is played by a stub answering the contract's JSON (the notifier's own tests prove what it answers;
 * NotificationPagesBrowserIT runs the real one): what web asks it, as whom, what it does with the
 * answer, and that a notifier that is slow, failing or away leaves the page to its script.
 */
@WebAppTest
class NotificationsFirstPageTest {

    /** What the stub answers; {@code null}: a 503. */
    static volatile String answer;
    static volatile long delayMillis;
    static final List<String> asked = new CopyOnWriteArrayList<>();
    static HttpServer notifier = startNotifierStub();

    static final String PAGE = """
            {"items":[{"id":7,"type":"comment","postId":3,"commentId":9,"actor":{"id":2,"username":"ann",\
            "firstName":"Ann","lastName":"Lee"},"excerpt":"</ul><script>alert(1)</script> & \\"quotes\\"",\
            "postExcerpt":"Hello","createdAt":"2026-12-07T01:00:00Z","read":false}],"nextCursor":"abc","unread":1}""";

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void notifier(DynamicPropertyRegistry registry) {
        registry.add("bsocial.notifier.internal-url", () -> "http://localhost:" + notifier.getAddress().getPort() + "/");
    }

    @AfterAll
    static void stop() {
        notifier.stop(0);
    }

    @BeforeEach
    void answering() {
        answer = PAGE;
        delayMillis = 0;
        asked.clear();
    }

    @Test
    void theFirstPageComesWithTheHtmlAskedAsThePersonAndDrawnOnlyAsText() {
        ApiClient api = new ApiClient(port);
        LoggedIn reader = TestUsers.create(api, "firstpage");

        var page = api.get("/notifications", reader.auth());

        assertThat(page.status()).isEqualTo(200);
        assertThat(asked).as("one question, the page's size, as this session").containsExactly(
                "/api/notifications/all?limit=20 token=" + reader.token());
        assertThat(page.body())
                .as("the notifier's JSON in an attribute, escaped: its text never becomes markup")
                .contains("data-first-page=\"{&quot;items&quot;:[{&quot;id&quot;:7,")
                .contains("&lt;/ul&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; \\&quot;quotes\\&quot;")
                .doesNotContain("<script>alert(1)")
                .as("nothing left for the script to fetch first").doesNotContain("rel=\"preload\" as=\"fetch\"")
                .doesNotContain("Loading notifications…");
    }

    @Test
    void aNotifierThatFailsOrIsSlowLeavesTheFirstPageToThePageScript() {
        ApiClient api = new ApiClient(port);
        LoggedIn reader = TestUsers.create(api, "latepage");

        answer = null;
        assertFallsBack(api.get("/notifications", reader.auth()));

        answer = PAGE;
        delayMillis = 2_000; // past the 300 ms web waits
        assertFallsBack(api.get("/notifications", reader.auth()));
        assertThat(asked).hasSize(2);
    }

    @Test
    void aNotifierThatIsAwayLeavesTheFirstPageToThePageScript() {
        ApiClient api = new ApiClient(port);
        LoggedIn reader = TestUsers.create(api, "awaypage");
        notifier.stop(0);
        try {
            assertFallsBack(api.get("/notifications", reader.auth()));
        } finally {
            notifier = startNotifierStub(notifier.getAddress().getPort());
        }
    }

    private void assertFallsBack(ApiClient.Response page) {
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("data-first-page")
                .contains("Loading notifications…")
                .containsPattern("<link rel=\"preload\" as=\"fetch\" crossorigin=\"use-credentials\"\\s+href=\""
                        + "http://localhost:\\d+/api/notifications/all\\?limit=20\">");
    }

    private static HttpServer startNotifierStub() {
        return startNotifierStub(0);
    }

    private static HttpServer startNotifierStub(int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", port), 0);
            server.createContext("/", exchange -> {
                asked.add(exchange.getRequestURI() + " token=" + exchange.getRequestHeaders().getFirst("X-Auth-Token"));
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException stopped) {
                    Thread.currentThread().interrupt();
                }
                String body = answer == null ? "{\"status\":503}" : answer;
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(answer == null ? 503 : 200, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
