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
        Files.writeString(parts.resolve("password-hashing.md"), "## Password hashing\n\n");
        Files.writeString(parts.resolve("notes.md"), "## Reading the numbers\n");

        Summary.write(parts, parts.resolve("benchmarks.md"));

        assertThat(Files.readString(parts.resolve("benchmarks.md"))).isEqualTo("""
                # Benchmarks

                Intro.

                **Feed p99, large vs small: 62.4 ms / 82.6 ms = 0.76** (target ≤ 1.5).

                ## small

                ## large

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
    void theCommittedPartsAssembleIntoTheCommittedPage() throws Exception {
        Path docs = Path.of("..", "docs");

        assertThat(Summary.assemble(docs.resolve("benchmarks"))).isEqualTo(Files.readString(docs.resolve("benchmarks.md")));
    }
}
