package io.bsocial.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The probes against a stand-in web on loopback (the JDK's HTTP server): a home timeline that fans
 * out in steps, and a feed that shows a post only after a few reads.
 */
class TimelineProbesTest {

    private HttpServer server;
    private WebApi web;
    private final AtomicLong posts = new AtomicLong(1000);
    private final AtomicLong entries = new AtomicLong(5_000);
    private final AtomicLong written = new AtomicLong(80_000);
    private final AtomicLong pending = new AtomicLong();
    private final AtomicInteger feedReads = new AtomicInteger();
    private volatile int timelinesStatus = 200;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/posts", exchange -> {
            long id = posts.incrementAndGet();
            pending.incrementAndGet();
            answer(exchange, 201, "{\"id\":" + id + "}");
        });
        // Each read of the state fans 500 entries out of what is pending (10 per post), then nothing;
        // trimming takes back as many as are written, so the table does not grow (full timelines).
        server.createContext("/actuator/timelines", exchange -> {
            if (exchange.getRequestURI().getPath().endsWith("/rebuild")) {
                answer(exchange, timelinesStatus == 200 ? 204 : timelinesStatus, "");
                return;
            }
            if (timelinesStatus != 200) {
                answer(exchange, timelinesStatus, "{\"status\":" + timelinesStatus + "}");
                return;
            }
            long done = Math.min(pending.get(), 50);
            pending.addAndGet(-done);
            written.addAndGet(done * 10);
            answer(exchange, 200, "{\"pending\":" + pending.get() + ",\"entries\":" + entries.get() + "}");
        });
        // The newest post shows on the third read of the feed after it was written.
        server.createContext("/api/feed", exchange -> {
            String items = feedReads.incrementAndGet() % 3 == 0 ? "[{\"id\":" + posts.get() + "}]" : "[]";
            answer(exchange, 200, "{\"items\":" + items + ",\"nextCursor\":null}");
        });
        server.start();
        web = new WebApi("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void fanOutCountsTheEntriesWrittenUntilNothingIsPendingAndNoneIsWritten() throws Exception {
        long started = System.nanoTime();
        FollowScale.FanOut fanOut = new TimelineProbes(web).fanOut(new Timelines(web), written::get, "bench_7", 10,
                "token", 200);
        double elapsed = (System.nanoTime() - started) / 1e9;

        assertThat(fanOut.entriesWritten()).isEqualTo(2_000);
        assertThat(entries.get()).as("the table itself did not grow").isEqualTo(5_000);
        assertThat(pending.get()).isZero();
        // The quiet 3 s that show the fan-out is over are not counted.
        assertThat(fanOut.seconds()).isPositive().isLessThanOrEqualTo(elapsed - 3.0);
        assertThat(fanOut.rowsPerSecond()).isEqualTo(Math.round(2_000 / fanOut.seconds()));
    }

    @Test
    void aPostIsVisibleOnceTheFollowersFeedShowsIt() throws Exception {
        Latencies visible = new TimelineProbes(web).visible("author", List.of("a", "b"), 4);

        assertThat(visible.received()).isEqualTo(4);
        assertThat(feedReads.get()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void rebuildAnswersItsDurationAndRefusalsAreFailures() throws Exception {
        Timelines timelines = new Timelines(web);
        assertThat(timelines.state()).contains(new Timelines.State(0, 5_000));
        assertThat(timelines.rebuild()).isNotNegative();

        timelinesStatus = 404;
        assertThat(timelines.state()).isEmpty();
        assertThatThrownBy(timelines::rebuild).hasMessageContaining("HTTP 404");
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }
}
