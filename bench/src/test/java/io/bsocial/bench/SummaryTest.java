package io.bsocial.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryTest {

    @TempDir
    Path parts;

    @Test
    void bothSizesGiveTheFeedComparisonThenTheSectionsInOrder() throws Exception {
        Files.writeString(parts.resolve("intro.md"), "# Benchmarks\n\nIntro.\n\n");
        Files.writeString(parts.resolve("small.values"), "feed_p99=82.6\nfeed_rps=495\nhealth_rps=546\n");
        Files.writeString(parts.resolve("large.values"), "feed_p99=62.4\nfeed_rps=595\nhealth_rps=622\n");
        Files.writeString(parts.resolve("large.md"), "## large\n\n");
        Files.writeString(parts.resolve("small.md"), "## small\n\n");
        Files.writeString(parts.resolve("replicas.md"), "## replicas: two of everything\n\n");
        Files.writeString(parts.resolve("password-hashing.md"), "## Password hashing\n\n");
        Files.writeString(parts.resolve("notes.md"), "## Reading the numbers\n");

        Summary.write(parts, parts.resolve("benchmarks.md"));

        assertThat(Files.readString(parts.resolve("benchmarks.md"))).isEqualTo("""
                # Benchmarks

                Intro.

                **Feed p99, large vs small: 62.4 ms / 82.6 ms = 0.76** (target ≤ 1.5).

                ## small

                ## large

                ## replicas: two of everything

                ## Password hashing

                ## Reading the numbers
                """);
    }

    @Test
    void oneSizeAloneHasNoComparisonAndMissingPartsAreLeftOut() throws Exception {
        Files.writeString(parts.resolve("intro.md"), "# Benchmarks\n\n");
        Files.writeString(parts.resolve("small.values"), "feed_p99=82.6\n");
        Files.writeString(parts.resolve("small.md"), "## small\n\n");

        assertThat(Summary.assemble(parts)).isEqualTo("# Benchmarks\n\n## small\n\n");
    }

    @Test
    void aFrozenBeforeRunGivesTheBeforeAndAfterTableAheadOfTheSections() throws Exception {
        Files.writeString(parts.resolve("intro.md"), "# Benchmarks\n\n");
        Files.writeString(parts.resolve("large.md"), "## large\n\n");
        Files.writeString(parts.resolve("h2.md"), "## h2\n\n");
        String before = "feed_p99=62.4\ndate=2026-11-30\n" + FollowScaleTest.beforeTheTimeline().values();
        Files.writeString(parts.resolve("large-before.values"), before);
        Files.writeString(parts.resolve("large.values"), before.replace("date=2026-11-30", "date=2026-12-01")
                .replace("f5000_first_p99=400.0", "f5000_first_p99=60.0").replace("fanout_rows_per_s=n/a", "fanout_rows_per_s=40000")
                .replace("timelines=not available", "timelines=available"));
        Files.writeString(parts.resolve("h2-before.values"), H2BenchTest.issueFigures().values());

        assertThat(Summary.assemble(parts)).isEqualTo("""
                # Benchmarks

                ## Before and after the home timeline (issues 16 and 17)

                "Before" is a run of `main` before the home timeline (large: 2026-11-30; H2: 2026-11-30; see the notes below); "this run" the latest `./bsocial bench large` (2026-12-01) and `./bsocial bench h2` (n/a). Sections below have the full figures of the latest runs.

                | | before | this run |
                |---|---|---|
                | home timeline | not available | available |
                | feed first page p99 ms, following 35 / 500 / 2,000 / 5,000 | 50.0 / 90.0 / 200.0 / 400.0 | 50.0 / 90.0 / 200.0 / 60.0 |
                | feed first page p99, 5,000 / 35 (target ≤ 1.5) | 8.00 | 1.20 |
                | feed 20 pages deep p99 ms, following 35 / 500 / 2,000 / 5,000 | 48.0 / 95.0 / 210.0 / 480.0 | 48.0 / 95.0 / 210.0 / 480.0 |
                | feed 20 pages deep p99, 5,000 / 35 (target ≤ 1.5) | 10.00 | 10.00 |
                | feed first page p50 ms, following 35 / 500 / 2,000 / 5,000 | 20.0 / 40.0 / 120.0 / 300.0 | 20.0 / 40.0 / 120.0 / 300.0 |
                | feed first page p50, 5,000 / 35 | 15.00 | 15.00 |
                | feed 20 pages deep p50 ms, following 35 / 500 / 2,000 / 5,000 | 19.0 / 41.0 / 130.0 / 320.0 | 19.0 / 41.0 / 130.0 / 320.0 |
                | feed 20 pages deep p50, 5,000 / 35 | 16.84 | 16.84 |
                | `POST /api/posts` p99 ms, celebrity / ordinary author | 110.0 / 100.0 | 110.0 / 100.0 |
                | celebrity post → live feed of 200 connected followers, p99 ms | 80.5 | 80.5 |
                | celebrity post → in a follower's feed, p99 ms (target ≤ 5000) | 60.0 | 60.0 |
                | fan-out, timeline rows/s | n/a | 40000 |
                | `home_timelines`, MB per million posts | n/a | n/a |
                | H2: feed / `/api/me` p99 ms, 32 connections on one token | 1050.0 / 27.0 | n/a / n/a |
                | H2: feed p99 / `/api/me` p99 (target ≤ 3) | 38.89 | n/a |

                ## large

                ## h2

                """);
    }

    @Test
    void theCommittedPartsAssembleIntoTheCommittedPage() throws Exception {
        Path docs = Path.of("..", "docs");

        assertThat(Summary.assemble(docs.resolve("benchmarks"))).isEqualTo(Files.readString(docs.resolve("benchmarks.md")));
    }
}
