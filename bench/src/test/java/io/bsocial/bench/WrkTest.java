package io.bsocial.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WrkTest {

    /** What wrk 4.1 prints with --latency (a run of the feed, with some refused requests). */
    static final String OUTPUT = """
            Running 15s test @ http://localhost:8080/api/feed
              2 threads and 16 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency    48.13ms   21.07ms 262.51ms   72.35%
                Req/Sec   163.51     31.22   250.00     68.00%
              Latency Distribution
                 50%   45.70ms
                 75%   57.12ms
                 90%   73.86ms
                 99%    1.21s
              4890 requests in 15.02s, 3.01MB read
              Non-2xx or 3xx responses: 12
            Requests/sec:    325.56
            Transfer/sec:    205.12KB
            """;

    @Test
    void readsRateMedianTailAndRefusals() {
        Wrk.Result result = Wrk.parse(OUTPUT);

        assertThat(result).isEqualTo(new Wrk.Result(326, 45.7, 1210.0, 12));
        assertThat(result).hasToString("326 45.7 1210.0 12");
    }

    @Test
    void steadyWhenTheLastTwoWindowsServeWithinTheTolerance() {
        Wrk.Result climbing = new Wrk.Result(400, 30, 90, 0);
        Wrk.Result higher = new Wrk.Result(800, 15, 60, 0);
        Wrk.Result close = new Wrk.Result(780, 16, 58, 0);

        assertThat(Wrk.Result.steady(java.util.List.of(climbing), 0.05)).as("one window says nothing").isFalse();
        assertThat(Wrk.Result.steady(java.util.List.of(climbing, higher), 0.05)).isFalse();
        assertThat(Wrk.Result.steady(java.util.List.of(climbing, higher, close), 0.05)).isTrue();
        assertThat(Wrk.Result.steady(java.util.List.of(close, new Wrk.Result(730, 17, 60, 0)), 0.05)).isFalse();
    }

    @Test
    void aChangeIsSaidInPerCentOfTheFirst() {
        assertThat(Wrk.Result.change(16.0, 18.0)).isEqualTo("+12.5 %");
        assertThat(Wrk.Result.change(20.0, 19.0)).isEqualTo("-5.0 %");
    }

    @Test
    void aPairedChangeIsTheMedianOfTheRoundsRatios() {
        var before = java.util.List.of(new Wrk.Result(0, 10, 50, 0), new Wrk.Result(0, 20, 60, 0), new Wrk.Result(0, 10, 300, 0));
        var after = java.util.List.of(new Wrk.Result(0, 11, 55, 0), new Wrk.Result(0, 30, 54, 0), new Wrk.Result(0, 9, 60, 0));

        assertThat(Wrk.Result.pairedChange(before, after, Wrk.Result::p50Ms)).as("ratios 1.1, 1.5, 0.9").isEqualTo("+10.0 %");
        assertThat(Wrk.Result.pairedChange(before, after, Wrk.Result::p99Ms)).as("ratios 1.1, 0.9, 0.2").isEqualTo("-10.0 %");
    }

    @Test
    void noNon2xxLineMeansNoRefusals() {
        assertThat(Wrk.parse(OUTPUT.replace("  Non-2xx or 3xx responses: 12\n", "")).non2xx()).isZero();
    }

    @Test
    void everyUnitWrkPrintsBecomesMilliseconds() {
        assertThat(Wrk.millis("812.00us")).isEqualTo(0.812);
        assertThat(Wrk.millis("5.12ms")).isEqualTo(5.12);
        assertThat(Wrk.millis("1.20s")).isEqualTo(1200.0);
        assertThat(Wrk.millis("2.00m")).isEqualTo(120_000.0);
        assertThatThrownBy(() -> Wrk.millis("12")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void outputWithoutTheLatencyDistributionIsRefused() {
        String withoutDistribution = OUTPUT.replaceAll("(?m)^\\s+\\d+%.*\\n", "");

        assertThatThrownBy(() -> Wrk.parse(withoutDistribution)).hasMessageContaining("--latency");
        assertThatThrownBy(() -> Wrk.parse("unable to connect to localhost:8080 Connection refused"))
                .hasMessageContaining("Requests/sec");
    }

    @Test
    void aScriptSetsMethodBodyAndContentType(@TempDir Path dir) throws Exception {
        Path script = Wrk.script(dir.resolve("post.lua"), "POST", "{\"content\":\"hello\"}");

        assertThat(Files.readString(script)).isEqualTo("""
                wrk.method = "POST"
                wrk.body = '{"content":"hello"}'
                wrk.headers["Content-Type"] = "application/json"
                """);
    }
}
