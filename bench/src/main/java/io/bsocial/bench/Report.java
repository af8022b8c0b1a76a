package io.bsocial.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;

/**
 * One run's figures as {@code docs/benchmarks/<size>.md} (the section of docs/benchmarks.md) and
 * {@code <size>.values} (what the summary compares across sizes).
 */
record Report(Size size, long loadSeconds, Machine machine, String duration, int connections, Http http,
        Latencies notifications, Latencies events, IndexerRate indexer, Memory web, Memory notifier,
        Memory indexerMemory, FollowScale scale) {

    /** The HTTP table's rows, in its order. */
    record Http(Wrk.Result health, Wrk.Result feed, Wrk.Result feedDeep, Wrk.Result post, Wrk.Result comment,
            Wrk.Result login) {
    }

    /** Where the run happened, for the section's first line. */
    record Machine(LocalDate date, int cores, long memoryGib, String system, String postgres) {
    }

    /** The indexer probe: events/s through Kafka and the indexer, and a plain _bulk of the same documents. */
    record IndexerRate(long pipelinePerSecond, long bulkPerSecond) {

        long percentOfBulk() {
            return percent(pipelinePerSecond, bulkPerSecond);
        }
    }

    /** A service's memory at the end of the run. */
    record Memory(long heapUsedMb, long rssMb) {
    }

    void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(size.id() + ".values"), values());
        Files.writeString(dir.resolve(size.id() + ".md"), markdown());
    }

    String values() {
        return String.format(Locale.ROOT, "feed_p99=%.1f%nfeed_rps=%d%nhealth_rps=%d%ndate=%s%n", http.feed().p99Ms(),
                http.feed().requestsPerSecond(), http.health().requestsPerSecond(), machine.date())
                + (scale == null ? "" : scale.values());
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("## ").append(size.id()).append("\n\n");
        md.append(String.format(Locale.ROOT, "Run on %s: `./bsocial up --postgres && ./bsocial bench %s`, on %d cores, %d GiB, %s; PostgreSQL %s.%n%n",
                machine.date(), size.id(), machine.cores(), machine.memoryGib(), machine.system(), machine.postgres()));
        md.append(String.format(Locale.ROOT, "Data: %d users, %d posts, %d follows, %d comments, loaded in %d s (batched SQL).%n%n",
                size.users(), size.posts(), size.follows(), size.comments(), loadSeconds));
        md.append(String.format(Locale.ROOT, "| HTTP (wrk, %s, %d connections) | requests/s | p50 ms | p99 ms | non-2xx |%n|---|---|---|---|---|%n",
                duration, connections));
        row(md, "`GET /actuator/health` (ceiling)", http.health());
        row(md, "`GET /api/feed` first page", http.feed());
        row(md, "`GET /api/feed` 20 pages deep (cursor)", http.feedDeep());
        row(md, "`POST /api/posts`", http.post());
        row(md, "`POST /api/posts/{id}/comments`", http.comment());
        row(md, "`POST /api/auth/login` (Argon2id)", http.login());
        md.append(String.format(Locale.ROOT, "%nFeed throughput is %d%% of the health endpoint's (target ≥ 30%%).%n%n",
                percent(http.feed().requestsPerSecond(), http.health().requestsPerSecond())));
        md.append("| latency | n | p50 ms | p99 ms | max ms |\n|---|---|---|---|---|\n");
        latency(md, "comment 201 → STOMP message (50/s for 60 s)", notifications);
        latency(md, "post 201 → message on Kafka", events);
        md.append(String.format(Locale.ROOT, "%nIndexer: %d events/s from Kafka into OpenSearch, plain `_bulk` of the same documents %d/s: %d%% (target ≥ 50%%).%n%n",
                indexer.pipelinePerSecond(), indexer.bulkPerSecond(), indexer.percentOfBulk()));
        md.append("| memory at the end | heap used MB | RSS MB |\n|---|---|---|\n");
        memory(md, "web", web);
        memory(md, "notifier", notifier);
        memory(md, "indexer", indexerMemory);
        md.append('\n');
        if (scale != null) {
            md.append(scale.markdown(duration, connections));
        }
        return md.toString();
    }

    private static void row(StringBuilder md, String label, Wrk.Result figures) {
        md.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %d |%n", label, figures.requestsPerSecond(),
                figures.p50Ms(), figures.p99Ms(), figures.non2xx()));
    }

    private static void latency(StringBuilder md, String label, Latencies latencies) {
        md.append("| ").append(label).append(" | ").append(latencies.received()).append(" | ").append(latencies.p50())
                .append(" | ").append(latencies.p99()).append(" | ").append(latencies.max()).append(" |\n");
    }

    private static void memory(StringBuilder md, String service, Memory memory) {
        md.append("| ").append(service).append(" | ").append(memory.heapUsedMb()).append(" | ").append(memory.rssMb())
                .append(" |\n");
    }

    /** A whole percentage, rounded down, of a non-zero whole. */
    static long percent(long part, long whole) {
        return part * 100 / Math.max(whole, 1);
    }
}
