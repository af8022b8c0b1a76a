package io.bsocial.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * docs/benchmarks.md, assembled from its parts in docs/benchmarks/: the intro, the large/small
 * feed comparison when both sizes have run, the before/after table of issues 16 and 17, each
 * size's section, the H2 run, the two-instance run ({@code replicas.md}, written by system-tests'
 * TwoInstancesIT), then the hand-written parts. "Before" is a frozen copy of a run's
 * values ({@code large-before.values}, {@code h2-before.values}); "this run" is the latest.
 */
final class Summary {

    private Summary() {
    }

    static void write(Path parts, Path doc) throws IOException {
        Files.writeString(doc, assemble(parts));
    }

    static String assemble(Path parts) throws IOException {
        StringBuilder doc = new StringBuilder(Files.readString(parts.resolve("intro.md")));
        Optional<Double> small = feedP99(parts.resolve("small.values"));
        Optional<Double> large = feedP99(parts.resolve("large.values"));
        if (small.isPresent() && large.isPresent()) {
            doc.append(String.format(Locale.ROOT, "**Feed p99, large vs small: %s ms / %s ms = %.2f** (target ≤ 1.5).%n%n",
                    plain(large.get()), plain(small.get()), small.get() > 0 ? large.get() / small.get() : 0));
        }
        doc.append(beforeAndAfter(values(parts.resolve("large-before.values")), values(parts.resolve("large.values")),
                values(parts.resolve("h2-before.values")), values(parts.resolve("h2.values"))));
        for (String part : List.of("small.md", "large.md", "h2.md", "abuse.md", "web.md", "replicas.md", "password-hashing.md", "notes.md")) {
            Path file = parts.resolve(part);
            if (Files.exists(file)) {
                doc.append(Files.readString(file));
            }
        }
        return doc.toString();
    }

    /** A row of the before/after table: its label and how to show it from one run's values. */
    private record Row(String label, Function<Map<String, String>, String> figure) {
    }

    private static final List<Row> LARGE_ROWS = List.of(
            new Row("home timeline", v -> v.getOrDefault("timelines", "n/a")),
            new Row("feed first page p99 ms, following 35 / 500 / 2,000 / 5,000",
                    v -> join(v, "f35_first_p99", "f500_first_p99", "f2000_first_p99", "f5000_first_p99")),
            new Row("feed first page p99, 5,000 / 35 (target ≤ 1.5)", v -> ratio(v, "f5000_first_p99", "f35_first_p99")),
            new Row("feed 20 pages deep p99 ms, following 35 / 500 / 2,000 / 5,000",
                    v -> join(v, "f35_deep_p99", "f500_deep_p99", "f2000_deep_p99", "f5000_deep_p99")),
            new Row("feed 20 pages deep p99, 5,000 / 35 (target ≤ 1.5)", v -> ratio(v, "f5000_deep_p99", "f35_deep_p99")),
            new Row("feed first page p50 ms, following 35 / 500 / 2,000 / 5,000",
                    v -> join(v, "f35_first_p50", "f500_first_p50", "f2000_first_p50", "f5000_first_p50")),
            new Row("feed first page p50, 5,000 / 35", v -> ratio(v, "f5000_first_p50", "f35_first_p50")),
            new Row("feed 20 pages deep p50 ms, following 35 / 500 / 2,000 / 5,000",
                    v -> join(v, "f35_deep_p50", "f500_deep_p50", "f2000_deep_p50", "f5000_deep_p50")),
            new Row("feed 20 pages deep p50, 5,000 / 35", v -> ratio(v, "f5000_deep_p50", "f35_deep_p50")),
            new Row("`POST /api/posts` p99 ms, celebrity / ordinary author",
                    v -> join(v, "celebrity_post_p99", "ordinary_post_p99")),
            new Row("celebrity post → live feed of 200 connected followers, p99 ms", v -> v.getOrDefault("push_p99", "n/a")),
            new Row("celebrity post → in a follower's feed, p99 ms (target ≤ 5000)", v -> v.getOrDefault("visible_p99", "n/a")),
            new Row("fan-out, timeline rows/s", v -> v.getOrDefault("fanout_rows_per_s", "n/a")),
            new Row("`home_timelines`, MB per million posts", v -> v.getOrDefault("timeline_mb_per_million_posts", "n/a")));

    private static final List<Row> H2_ROWS = List.of(
            new Row("H2: feed / `/api/me` p99 ms, 32 connections on one token",
                    v -> join(v, "feed_p99", "me_p99")),
            new Row("H2: feed p99 / `/api/me` p99 (target ≤ 3)", v -> v.getOrDefault("ratio", "n/a")));

    /** The table of issues 16 and 17, when a frozen "before" run exists. */
    static String beforeAndAfter(Map<String, String> largeBefore, Map<String, String> large, Map<String, String> h2Before,
            Map<String, String> h2) {
        if (largeBefore.isEmpty() && h2Before.isEmpty()) {
            return "";
        }
        StringBuilder table = new StringBuilder("## Before and after the home timeline (issues 16 and 17)\n\n");
        table.append("\"Before\" is a run of `main` before the home timeline (large: ")
                .append(largeBefore.getOrDefault("date", "n/a")).append("; H2: ").append(h2Before.getOrDefault("date", "n/a"))
                .append("; see the notes below); \"this run\" the latest `./bsocial bench large` (").append(large.getOrDefault("date", "n/a"))
                .append(") and `./bsocial bench h2` (").append(h2.getOrDefault("date", "n/a"))
                .append("). Sections below have the full figures of the latest runs.\n\n");
        table.append("| | before | this run |\n|---|---|---|\n");
        for (Row row : LARGE_ROWS) {
            table.append("| ").append(row.label()).append(" | ").append(row.figure().apply(largeBefore)).append(" | ")
                    .append(row.figure().apply(large)).append(" |\n");
        }
        for (Row row : H2_ROWS) {
            table.append("| ").append(row.label()).append(" | ").append(row.figure().apply(h2Before)).append(" | ")
                    .append(row.figure().apply(h2)).append(" |\n");
        }
        return table.append('\n').toString();
    }

    private static String join(Map<String, String> values, String... keys) {
        StringBuilder joined = new StringBuilder();
        for (String key : keys) {
            joined.append(joined.isEmpty() ? "" : " / ").append(values.getOrDefault(key, "n/a"));
        }
        return joined.toString();
    }

    private static String ratio(Map<String, String> values, String over, String under) {
        try {
            double top = Double.parseDouble(values.getOrDefault(over, ""));
            double bottom = Double.parseDouble(values.getOrDefault(under, ""));
            return bottom > 0 ? String.format(Locale.ROOT, "%.2f", top / bottom) : "n/a";
        } catch (NumberFormatException missing) {
            return "n/a";
        }
    }

    /** A values file as name → value; empty when it does not exist. */
    static Map<String, String> values(Path file) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file)) {
                int equals = line.indexOf('=');
                if (equals > 0) {
                    values.put(line.substring(0, equals), line.substring(equals + 1));
                }
            }
        }
        return values;
    }

    private static Optional<Double> feedP99(Path values) throws IOException {
        if (!Files.exists(values)) {
            return Optional.empty();
        }
        return Files.readAllLines(values).stream().filter(line -> line.startsWith("feed_p99="))
                .map(line -> Double.parseDouble(line.substring("feed_p99=".length()))).findFirst();
    }

    /** A figure as the values file has it (one decimal). */
    private static String plain(double millis) {
        return String.format(Locale.ROOT, "%.1f", millis);
    }
}
