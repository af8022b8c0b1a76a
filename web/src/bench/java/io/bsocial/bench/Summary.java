package io.bsocial.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * docs/benchmarks.md, assembled from its parts in docs/benchmarks/: the intro, the large/small
 * feed comparison when both sizes have run, each size's section, then the hand-written parts.
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
        for (String part : List.of("small.md", "large.md", "password-hashing.md", "notes.md")) {
            Path file = parts.resolve(part);
            if (Files.exists(file)) {
                doc.append(Files.readString(file));
            }
        }
        return doc.toString();
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
