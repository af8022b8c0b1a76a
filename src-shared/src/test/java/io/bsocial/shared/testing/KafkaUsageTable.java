package io.bsocial.shared.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The table "Kafka: who reads and writes what" of docs/architecture.md, as data: for a process,
 * each row's consumer group (null for "none") and the topics it reads and writes. Each service's
 * test compares its rows with what the running service does, so the table cannot drift.
 */
public final class KafkaUsageTable {

    private static final String SECTION = "## Kafka: who reads and writes what";
    private static final Pattern TOPIC = Pattern.compile("bsocial\\.[a-z][a-z.-]*[a-z]");
    private static final Pattern GROUP = Pattern.compile("`([^`]+)`");

    /** One row: a consumer group (null: none, partitions assigned per instance) and its topics. */
    public record Row(String group, Set<String> reads, Set<String> writes) {
    }

    private KafkaUsageTable() {
    }

    /** The rows of {@code process} in the table of {@code architecture} (docs/architecture.md). */
    public static List<Row> rows(Path architecture, String process) {
        List<String> lines;
        try {
            lines = Files.readAllLines(architecture);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int start = lines.indexOf(SECTION);
        if (start < 0) {
            throw new IllegalStateException(architecture + " has no section '" + SECTION + "'");
        }
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            String[] cells = line.split("\\|");
            if (cells.length >= 5 && cells[1].strip().equals("`" + process + "`")) {
                Matcher group = GROUP.matcher(cells[2]);
                rows.add(new Row(group.find() ? group.group(1) : null, topics(cells[3]), topics(cells[4])));
            }
        }
        return rows;
    }

    private static Set<String> topics(String cell) {
        Set<String> topics = new TreeSet<>();
        Matcher topic = TOPIC.matcher(cell);
        while (topic.find()) {
            topics.add(topic.group());
        }
        return topics;
    }
}
