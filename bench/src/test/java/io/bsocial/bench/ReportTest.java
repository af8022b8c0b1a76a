package io.bsocial.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {

    /** The figures of the small run of 2026-11-29, as the bash launcher wrote them. */
    static Report smallRun() {
        return new Report(Size.SMALL, 2,
                new Report.Machine(LocalDate.of(2026, 11, 29), 2, 23, "Linux 6.18.44-fc-v595", "15.20"), "15s", 16,
                new Report.Http(new Wrk.Result(546, 27.6, 71.7, 0), new Wrk.Result(495, 30.1, 82.6, 0),
                        new Wrk.Result(588, 25.7, 63.4, 0), new Wrk.Result(326, 46.1, 125.0, 0),
                        new Wrk.Result(297, 50.4, 138.6, 0), new Wrk.Result(13, 1160.0, 1900.0, 0)),
                new Latencies(3000, 4.8, 42.4, 76.4), new Latencies(200, 3.1, 7.3, 9.2),
                new Report.IndexerRate(12806, 22556), new Report.Memory(49, 370), new Report.Memory(51, 318),
                new Report.Memory(93, 361), null);
    }

    @Test
    void theSectionHasTheShapeOfDocsBenchmarks() {
        assertThat(smallRun().markdown()).isEqualTo("""
                ## small

                Run on 2026-11-29: `./bsocial up --postgres && ./bsocial bench small`, on 2 cores, 23 GiB, Linux 6.18.44-fc-v595; PostgreSQL 15.20.

                Data: 1000 users, 10000 posts, 20000 follows, 30000 comments, loaded in 2 s (batched SQL).

                | HTTP (wrk, 15s, 16 connections) | requests/s | p50 ms | p99 ms | non-2xx |
                |---|---|---|---|---|
                | `GET /actuator/health` (ceiling) | 546 | 27.6 | 71.7 | 0 |
                | `GET /api/feed` first page | 495 | 30.1 | 82.6 | 0 |
                | `GET /api/feed` 20 pages deep (cursor) | 588 | 25.7 | 63.4 | 0 |
                | `POST /api/posts` | 326 | 46.1 | 125.0 | 0 |
                | `POST /api/posts/{id}/comments` | 297 | 50.4 | 138.6 | 0 |
                | `POST /api/auth/login` (Argon2id) | 13 | 1160.0 | 1900.0 | 0 |

                Feed throughput is 90% of the health endpoint's (target ≥ 30%).

                | latency | n | p50 ms | p99 ms | max ms |
                |---|---|---|---|---|
                | comment 201 → STOMP message (50/s for 60 s) | 3000 | 4.8 | 42.4 | 76.4 |
                | post 201 → message on Kafka | 200 | 3.1 | 7.3 | 9.2 |

                Indexer: 12806 events/s from Kafka into OpenSearch, plain `_bulk` of the same documents 22556/s: 56% (target ≥ 50%).

                | memory at the end | heap used MB | RSS MB |
                |---|---|---|
                | web | 49 | 370 |
                | notifier | 51 | 318 |
                | indexer | 93 | 361 |

                """);
    }

    @Test
    void aFailedProbeShowsAsNotAvailableAndNoDivisionByZero() {
        Report failed = new Report(Size.LARGE, 134, smallRun().machine(), "15s", 16,
                new Report.Http(new Wrk.Result(0, 0, 0, 0), new Wrk.Result(10, 1, 2, 0), new Wrk.Result(10, 1, 2, 0),
                        new Wrk.Result(10, 1, 2, 0), new Wrk.Result(10, 1, 2, 0), new Wrk.Result(1, 1, 2, 0)),
                Latencies.NONE, Latencies.NONE, new Report.IndexerRate(0, 0), new Report.Memory(0, 0),
                new Report.Memory(0, 0), new Report.Memory(0, 0), null);

        assertThat(failed.markdown()).startsWith("## large\n")
                .contains("Data: 100000 users, 1000000 posts, 2000000 follows, 3000000 comments, loaded in 134 s")
                .contains("Feed throughput is 1000% of the health endpoint's")
                .contains("| comment 201 → STOMP message (50/s for 60 s) | 0 | n/a | n/a | n/a |")
                .contains("plain `_bulk` of the same documents 0/s: 0% (target ≥ 50%).");
    }

    @Test
    void theFollowScaleSectionFollowsTheMemoryTableAndItsValuesTheRest() {
        Report withScale = new Report(Size.LARGE, 150, smallRun().machine(), "15s", 16, smallRun().http(),
                smallRun().notifications(), smallRun().events(), smallRun().indexer(), smallRun().web(),
                smallRun().notifier(), smallRun().indexerMemory(), FollowScaleTest.beforeTheTimeline());

        assertThat(withScale.markdown()).contains("| indexer | 93 | 361 |\n\n### Follow counts, a celebrity and the home timeline")
                .endsWith("Timeline table size: not available (no home timeline).\n\n");
        assertThat(withScale.values()).startsWith("feed_p99=82.6\nfeed_rps=495\nhealth_rps=546\ndate=2026-11-29\n"
                + "timelines=not available\nf35_follows=35\n");
    }

    @Test
    void theValuesTheSummaryComparesAreWrittenBesideTheSection(@TempDir Path dir) throws Exception {
        smallRun().write(dir);

        assertThat(Files.readString(dir.resolve("small.values"))).isEqualTo("feed_p99=82.6\nfeed_rps=495\nhealth_rps=546\ndate=2026-11-29\n");
        assertThat(Files.readString(dir.resolve("small.md"))).isEqualTo(smallRun().markdown());
    }
}
