package io.bsocial.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2BenchTest {

    /** The figures issue 17 quotes for the H2 default: the session row's lock makes the feed's tail. */
    static H2Bench.Report issueFigures() {
        return new H2Bench.Report(LocalDate.of(2026, 11, 30), 2, "Linux 6.18", 21, "15s", new Wrk.Result(900, 5.1, 27.0, 0),
                new Wrk.Result(700, 6.6, 1050.0, 0));
    }

    @Test
    void theSectionComparesTheFeedsTailWithMe() {
        assertThat(issueFigures().markdown()).isEqualTo("""
                ## h2

                Run on 2026-11-30: `./bsocial up && ./bsocial bench h2` (the H2 default), on 2 cores, Linux 6.18.

                Data, through the JSON API in 21 s: a reader who follows 50 people with 2000 posts between them.

                | HTTP (wrk, 15s, 32 connections on one session token) | requests/s | p50 ms | p99 ms | non-2xx |
                |---|---|---|---|---|
                | `GET /api/me` | 900 | 5.1 | 27.0 | 0 |
                | `GET /api/feed` first page | 700 | 6.6 | 1050.0 | 0 |

                **Feed p99 / `/api/me` p99 on H2: 1050.0 / 27.0 ms = 38.89** (target ≤ 3).

                """);
    }

    @Test
    void itsValuesAreWrittenBesideIt(@TempDir Path dir) throws Exception {
        issueFigures().write(dir);

        assertThat(Files.readString(dir.resolve("h2.values")))
                .isEqualTo("date=2026-11-30\nme_p50=5.1\nme_p99=27.0\nfeed_p50=6.6\nfeed_p99=1050.0\nratio=38.89\n");
        assertThat(Files.readString(dir.resolve("h2.md"))).isEqualTo(issueFigures().markdown());
    }

    @Test
    void anUnmeasuredMeGivesNoRatio() {
        H2Bench.Report failed = new H2Bench.Report(LocalDate.of(2026, 11, 30), 2, "Linux", 1, "15s",
                new Wrk.Result(0, 0, 0, 0), new Wrk.Result(1, 1, 1, 0));

        assertThat(failed.ratio()).isNull();
        assertThat(failed.values()).endsWith("ratio=n/a\n");
    }
}
