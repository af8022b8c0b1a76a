package io.bsocial.web.insights.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.bsocial.web.insights.TrendingTag;

/**
 * What web keeps of the indexer's trending tags, and how often it asks: over real HTTP, to a stub
 * that answers the contract's JSON (the indexer's own tests prove it answers that) and counts the
 * questions; time is a clock the test moves.
 */
class TrendingTest {

    private final AtomicInteger asked = new AtomicInteger();
    private volatile String answer;
    /** While set, the stub holds its answer until the test counts it down: an indexer that hangs. */
    private volatile CountDownLatch hold;
    private final HttpServer indexer = stub();
    private final MovableClock clock = new MovableClock();
    private final Trending trending = new Trending(
            new StatsClient(new IndexerProperties(URI.create("http://localhost:" + indexer.getAddress().getPort()),
                    Duration.ofSeconds(5))),
            new TrendingProperties(24, Duration.ofSeconds(60)), clock);

    @AfterEach
    void stop() {
        if (hold != null) {
            hold.countDown();
        }
        trending.stop();
        indexer.stop(0);
    }

    @Test
    void onlyTagsThatAtLeastThreePeopleUsedAreShownEachLinkedToItsPage() {
        answer = """
                {"tags":[{"tag":"spam","posts":9,"authors":1},{"tag":"java","posts":4,"authors":3},
                 {"tag":"kafka","posts":3,"authors":2},{"tag":"café","posts":3,"authors":3},
                 {"tag":"rust","posts":3,"authors":5}]}""";

        assertThat(trending.now()).contains(List.of(
                new TrendingTag("java", 4, 3, "/tags/java"),
                new TrendingTag("café", 3, 3, "/tags/caf%C3%A9"),
                new TrendingTag("rust", 3, 5, "/tags/rust")));
        assertThat(asked).as("the indexer was asked for the last 24 hours").hasValue(1);
    }

    @Test
    void theIndexerIsAskedAtMostOncePerCachePeriod() {
        answer = "{\"tags\":[{\"tag\":\"java\",\"posts\":4,\"authors\":3}]}";
        trending.now();
        clock.advance(Duration.ofSeconds(59));
        answer = "{\"tags\":[{\"tag\":\"rust\",\"posts\":4,\"authors\":3}]}";

        assertThat(trending.now().orElseThrow()).extracting(TrendingTag::tag).containsExactly("java");
        assertThat(asked).hasValue(1);

        clock.advance(Duration.ofSeconds(1));
        assertThat(trending.now().orElseThrow()).extracting(TrendingTag::tag).containsExactly("rust");
        assertThat(asked).hasValue(2);
    }

    @Test
    void whenTheIndexerCannotAnswerThereIsNothingToShowAndItIsNotAskedAgainAtOnce() {
        answer = null;   // the stub answers 503, as the indexer does without OpenSearch

        assertThat(trending.now()).isEmpty();
        assertThat(trending.now()).isEmpty();
        assertThat(asked).hasValue(1);

        answer = "{\"tags\":[{\"tag\":\"java\",\"posts\":4,\"authors\":3}]}";
        clock.advance(Duration.ofSeconds(60));
        assertThat(trending.now()).isPresent();
    }

    @Test
    void theFeedsBoxNeverWaitsItIsEmptyUntilTheFirstAnswerWhichItAsksForInTheBackground() {
        answer = "{\"tags\":[{\"tag\":\"java\",\"posts\":4,\"authors\":3}]}";

        assertThat(trending.lastKnown()).as("nothing heard yet: the page asks for its box itself").isEmpty();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> trending.lastKnown().isPresent());
        assertThat(trending.lastKnown().orElseThrow()).extracting(TrendingTag::tag).containsExactly("java");
        assertThat(asked).hasValue(1);
    }

    @Test
    void pastItsPeriodTheBoxIsTheLastAnswerWhileANewOneIsAskedForOnceAtATime() throws Exception {
        answer = "{\"tags\":[{\"tag\":\"java\",\"posts\":4,\"authors\":3}]}";
        trending.now();
        clock.advance(Duration.ofSeconds(60));
        answer = "{\"tags\":[{\"tag\":\"rust\",\"posts\":4,\"authors\":3}]}";
        hold = new CountDownLatch(1);

        // The indexer hangs on the new question: the box is the last answer meanwhile, and asking
        // again does not pile questions up.
        for (int i = 0; i < 5; i++) {
            assertThat(trending.lastKnown().orElseThrow()).extracting(TrendingTag::tag).containsExactly("java");
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> asked.get() == 2);
        hold.countDown();
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> trending.lastKnown().orElseThrow().get(0).tag().equals("rust"));
        assertThat(asked).hasValue(2);
    }

    @Test
    void theBoxHoldsTheFirstFiveTagsAndNothingWhenTheIndexerCannotSay() {
        answer = """
                {"tags":[{"tag":"a1","posts":9,"authors":3},{"tag":"a2","posts":8,"authors":3},
                 {"tag":"a3","posts":7,"authors":3},{"tag":"a4","posts":6,"authors":3},
                 {"tag":"a5","posts":5,"authors":3},{"tag":"a6","posts":4,"authors":3}]}""";
        trending.now();
        assertThat(trending.lastKnown().orElseThrow()).extracting(TrendingTag::tag)
                .containsExactly("a1", "a2", "a3", "a4", "a5");

        answer = null;
        clock.advance(Duration.ofSeconds(60));
        trending.now();
        assertThat(trending.lastKnown()).contains(List.of());
    }

    @Test
    void anIndexerThatIsNotThereAtAllIsNoFailure() {
        indexer.stop(0);
        assertThat(trending.now()).isEmpty();
    }

    private HttpServer stub() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/", exchange -> {
                String body = answer;
                boolean right = exchange.getRequestURI().toString().equals("/api/stats/trending-tags?hours=24");
                if (right) {
                    asked.incrementAndGet();
                    CountDownLatch held = hold;
                    if (held != null) {
                        try {
                            held.await(30, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }
                byte[] bytes = (body == null || !right ? "{\"status\":503}" : body).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(body == null || !right ? 503 : 200, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A clock that only moves when told. */
    static final class MovableClock extends Clock {

        private volatile Instant now = Instant.parse("2026-12-01T12:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
