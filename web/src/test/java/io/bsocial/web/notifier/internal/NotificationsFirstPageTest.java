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
 * is played by a stub answering the JSON of {@code GET /api/notifications/all} (the notifier's own tests
 * prove what it answers; NotificationPagesBrowserIT runs the real one, and compares web's entries with
 * the script's): what web asks it, as whom, how it draws the answer, and that a notifier that is slow,
 * failing, away or unreadable leaves the page to its script.
 */
@WebAppTest
class NotificationsFirstPageTest {

    /** What the stub answers; {@code null}: a 503. */
    static volatile String answer;
    static volatile long delayMillis;
    static final List<String> asked = new CopyOnWriteArrayList<>();
    static HttpServer notifier = startNotifierStub();

    static final String PAGE = """
            {"items":[
             {"id":7,"type":"comment","postId":3,"commentId":9,"actor":{"id":2,"username":"ann","firstName":"Ann","lastName":"Lee"},
              "excerpt":"</ul><script>alert(1)</script> & \\"quotes\\" for @bob.","postExcerpt":"Hello",
              "createdAt":"2026-12-07T01:00:00Z","read":false},
             {"id":6,"type":"follow","actor":{"id":14,"username":"carl","firstName":"","lastName":""},
              "createdAt":"2026-12-07T00:59:00.123456Z","read":true},
             {"id":5,"type":"like","postId":3,"commentId":8,"actor":{"id":2,"username":"ann","firstName":"Ann","lastName":"Lee"},
              "postExcerpt":"%s","createdAt":"2026-12-07T00:58:00Z","read":true}],
             "nextCursor":"abc","unread":1}""".formatted("Eighty characters\\nof a post, " + "x".repeat(61));

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
    void theFirstPageIsDrawnIntoTheHtmlAskedAsThePersonItsTextEscaped() {
        ApiClient api = new ApiClient(port);
        LoggedIn reader = TestUsers.create(api, "firstpage");

        var page = api.get("/notifications", reader.auth());

        assertThat(page.status()).isEqualTo(200);
        assertThat(asked).as("one question, the page's size, as this session").containsExactly(
                "/api/notifications/all?limit=20 token=" + reader.token());
        String html = page.body().replaceAll(">\\s+<", "><").replaceAll("\\s+", " ");
        assertThat(html)
                .contains("<ul class=\"list-group\" id=\"notification-entries\" aria-label=\"Notifications, newest first\""
                        + " data-drawn=\"server\" data-next-cursor=\"abc\">")
                .contains("<li class=\"list-group-item notification-entry unread\" data-notification-id=\"7\">"
                        + "<span class=\"notification-with-avatar\"><span class=\"avatar avatar-colour-2 avatar-sm\""
                        + " aria-hidden=\"true\" data-user-id=\"2\">AL</span><span class=\"notification-text\">"
                        + "<a class=\"notification-link text-body text-decoration-none stretched-link\""
                        + " href=\"/posts/3?comment=9#comment-9\"><span class=\"badge text-bg-primary me-2"
                        + " notification-unread-badge\">Unread</span><strong>Ann Lee</strong><span> commented: </span></a>")
                .as("user text escaped; a mention a link, its full stop not")
                .contains("<span class=\"text-body-secondary notification-excerpt\">&lt;/ul&gt;&lt;script&gt;alert(1)"
                        + "&lt;/script&gt; &amp; &quot;quotes&quot; for <a class=\"notification-mention\""
                        + " href=\"/users/bob\">@bob</a>.</span>")
                .contains("<span class=\"d-block small text-body-secondary notification-post\">on \u201cHello\u201d</span>")
                .contains("<time class=\"d-block small text-body-secondary\" datetime=\"2026-12-07T01:00:00Z\"")
                .doesNotContain("<script>alert(1)")
                .as("someone without names goes by their @name; a follow leads to them")
                .contains("<li class=\"list-group-item notification-entry\" data-notification-id=\"6\">")
                .contains("href=\"/users/carl\"><strong>@carl</strong><span> followed you</span></a>")
                .as("a post's excerpt on one line, cut at 80 characters")
                .contains("<strong>Ann Lee</strong><span> liked your comment on \u201cEighty characters of a post, "
                        + "x".repeat(61) + "\u2026\u201d</span>")
                .as("older ones to load, one to mark read")
                .containsPattern("<button type=\"button\" class=\"btn btn-quiet btn-sm\" id=\"mark-all-read\">")
                .contains("<button type=\"button\" class=\"btn btn-quiet btn-sm\" id=\"load-older\">")
                .as("nothing left for the script to fetch first").doesNotContain("rel=\"preload\" as=\"fetch\"")
                .doesNotContain("Loading notifications…");
    }

    @Test
    void anEmptyFirstPageSaysSoWithNothingToLoadOrMark() {
        ApiClient api = new ApiClient(port);
        LoggedIn reader = TestUsers.create(api, "emptypage");
        answer = "{\"items\":[],\"nextCursor\":null,\"unread\":0}";

        String html = api.get("/notifications", reader.auth()).body().replaceAll("\\s+", " ");

        assertThat(html).contains("data-drawn=\"server\"")
                .containsPattern("role=\"status\" data-empty=\"No notifications yet\\.[^\"]*\">No notifications yet\\.")
                .contains("id=\"mark-all-read\" disabled=\"disabled\"")
                .contains("class=\"btn btn-quiet btn-sm d-none\" id=\"load-older\"");
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

        delayMillis = 0;
        answer = "{\"items\":[{\"id\":1}],\"unread\":1}";
        assertFallsBack(api.get("/notifications", reader.auth()));
        answer = "<html>a proxy's error page</html>";
        assertFallsBack(api.get("/notifications", reader.auth()));
        assertThat(asked).hasSize(4);
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
        assertThat(page.body()).doesNotContain("data-drawn").doesNotContain("notification-entry")
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
            // A thread per request: a slow answer holds up no other question.
            server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
