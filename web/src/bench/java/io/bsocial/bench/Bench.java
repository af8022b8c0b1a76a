package io.bsocial.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import tools.jackson.databind.JsonNode;

/**
 * {@code ./bsocial bench [small|large|summary]}: loads a data set into the PostgreSQL of a system
 * started with {@code ./bsocial up --postgres}, measures it (wrk for HTTP, the probes for
 * latencies and the indexer) and writes docs/benchmarks/&lt;size&gt;.md, then docs/benchmarks.md.
 * The launcher hands over where everything is through the environment (see {@link Settings}).
 */
public final class Bench {

    static final String PASSWORD = "bench-password-2026";
    private static final int NOTIFICATIONS_PER_SECOND = 50;

    private final Settings settings;
    private final WebApi web;
    private final KafkaProbes kafka;
    private final Services services;
    private final Path out;
    private Psql psql;

    Bench(Settings settings) {
        this.settings = settings;
        this.web = new WebApi(settings.web());
        this.kafka = new KafkaProbes(settings.kafka());
        this.services = new Services(settings.state());
        this.out = settings.state().resolve("bench");
    }

    public static void main(String[] args) throws Exception {
        // The Kafka clients log every configuration at INFO: the console is for the figures.
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        String which = args.length == 0 ? "small" : args[0];
        try {
            Settings settings = Settings.from(System.getenv());
            switch (which) {
                case "summary" -> Summary.write(settings.parts(), settings.root().resolve("docs/benchmarks.md"));
                case "small" -> new Bench(settings).run(Size.SMALL);
                case "large" -> new Bench(settings).run(Size.LARGE);
                default -> throw new IllegalArgumentException("usage: ./bsocial bench [small|large|summary]");
            }
        } catch (IllegalArgumentException | IllegalStateException refused) {
            System.err.println("bsocial: " + refused.getMessage());
            System.exit(1);
        }
        System.exit(0); // the Kafka and WebSocket clients leave non-daemon threads behind
    }

    void run(Size size) throws Exception {
        for (String service : new String[] {"web", "notifier", "indexer"}) {
            if (!web.healthy(settings.serviceUrl(service))) {
                throw new IllegalStateException(service + " is not running: ./bsocial up --postgres first");
            }
        }
        psql = Psql.of(services.datasource());
        for (String tool : new String[] {"wrk", "psql"}) {
            if (!Settings.onPath(tool)) {
                throw new IllegalStateException(tool + " is required" + ("wrk".equals(tool) ? " (apt-get install wrk)" : ""));
            }
        }
        Files.createDirectories(out);

        long loadSeconds = load(size);
        String viewer = web.login("bench_viewer", PASSWORD);
        String commenter = web.login("bench_2", PASSWORD);
        psql.query("INSERT INTO follows (follower_id, followee_id, created_at) SELECT c.id, v.id, now() FROM users c, users v"
                + " WHERE c.username = 'bench_2' AND v.username = 'bench_viewer' ON CONFLICT DO NOTHING");
        String cursor = cursorAfter(viewer, 19);
        long postId = Json.tree(web.post("/api/posts", viewer,
                Map.of("content", "A post to comment on, for the notification benchmark.")).body()).get("id").asLong();

        Path post = Wrk.script(out.resolve("post.lua"), "POST", "{\"content\":\"A benchmark post, written by wrk.\"}");
        Path comment = Wrk.script(out.resolve("comment.lua"), "POST", "{\"content\":\"A benchmark comment, written by wrk.\"}");
        Path login = Wrk.script(out.resolve("login.lua"), "POST",
                "{\"login\":\"bench_viewer\",\"password\":\"" + PASSWORD + "\"}");
        String comments = "/api/posts/" + postId + "/comments";
        Wrk wrk = new Wrk(settings.duration(), settings.connections(), viewer);

        say("== warming up (JIT) for 20 s");
        Wrk warmUp = wrk.withDuration("5s");
        warmUp.run(web.url("/actuator/health"));
        warmUp.run(web.url("/api/feed"));
        warmUp.run(web.url("/api/posts"), post);
        warmUp.run(web.url(comments), comment);
        settle();
        say("== HTTP load (wrk, " + wrk.duration() + " each, " + wrk.connections() + " connections)");
        Report.Http http = new Report.Http(
                measured("health  ", wrk, "/actuator/health", null),
                measured("feed    ", wrk, "/api/feed", null),
                measured("feed@20 ", wrk, "/api/feed?limit=20&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8), null),
                measured("post    ", wrk, "/api/posts", post),
                measured("comment ", wrk, comments, comment),
                measured("login   ", wrk, "/api/auth/login", login));

        // The writes above queued events for every consumer; latencies are measured on a quiet system.
        settle();
        viewer = web.login("bench_viewer", PASSWORD);
        NotificationProbe notifications = new NotificationProbe(web, URI.create(settings.notifierSocket()));
        // The notifier has not stored or pushed anything yet (the comments above were the viewer's
        // own): warm its path up as web's was, then measure.
        String author = viewer;
        probe(() -> notifications.measure(author, commenter, postId, NOTIFICATIONS_PER_SECOND, 10), null);
        settle();
        say("== notification latency (50 comments/s for 60 s)");
        Latencies notified = probe(() -> notifications.measure(author, commenter, postId, NOTIFICATIONS_PER_SECOND, 60),
                Latencies.NONE);
        say("   " + notified);
        say("== event latency (post 201 -> Kafka)");
        Latencies events = probe(() -> kafka.events(web, author, 200), Latencies.NONE);
        say("   " + events);
        say("== indexer throughput (100,000 events, after a warm-up) vs plain _bulk");
        Report.IndexerRate indexer = probe(() -> {
            kafka.indexer(settings.openSearch(), 20_000); // warm-up, not reported
            return kafka.indexer(settings.openSearch(), 100_000);
        }, new Report.IndexerRate(0, 0));
        say("   pipeline_per_s=" + indexer.pipelinePerSecond() + " bulk_per_s=" + indexer.bulkPerSecond());

        Report report = new Report(size, loadSeconds, machine(), wrk.duration(), wrk.connections(), http, notified, events,
                indexer, services.memory("web"), services.memory("notifier"), services.memory("indexer"));
        report.write(settings.parts());
        Summary.write(settings.parts(), settings.root().resolve("docs/benchmarks.md"));
        say("Results written to docs/benchmarks.md");
    }

    /** Replaces the schema's data with {@code size}'s (load.sql); answers how long it took, in seconds. */
    private long load(Size size) throws Exception {
        say("== bench " + size.id() + ": loading data into PostgreSQL (" + size.users() + " users, " + size.posts()
                + " posts, " + size.follows() + " follows, " + size.comments() + " comments)");
        // Every loaded user gets the password hash of one account registered the normal way.
        String template = "bench_template_" + ThreadLocalRandom.current().nextInt(32768);
        Map<String, String> account = new LinkedHashMap<>();
        account.put("firstName", "Bench");
        account.put("lastName", "Template");
        account.put("username", template);
        account.put("email", template + "@bench.bsocial.io");
        account.put("password", PASSWORD);
        account.put("passwordConfirmation", PASSWORD);
        web.post("/api/auth/register", null, account);
        String hash = psql.query("SELECT password_hash FROM users WHERE username_key = '" + template + "'");
        if (hash.isEmpty()) {
            throw new IllegalStateException("could not create the template account");
        }
        long started = System.nanoTime();
        psql.script(settings.root().resolve("web/src/bench/load.sql"), Map.of("users", String.valueOf(size.users()),
                "posts", String.valueOf(size.posts()), "follows", String.valueOf(size.follows()),
                "comments", String.valueOf(size.comments()), "hash", hash), out.resolve("load-" + size.id() + ".log"));
        long seconds = Math.round((System.nanoTime() - started) / 1e9);
        say("   loaded in " + seconds + "s");
        return seconds;
    }

    /** The cursor of the viewer's feed after {@code pages} pages of 20. */
    private String cursorAfter(String token, int pages) throws Exception {
        String cursor = null;
        for (int page = 1; page <= pages; page++) {
            JsonNode feed = web.get("/api/feed?limit=20"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)), token);
            JsonNode next = feed.get("nextCursor");
            if (next == null || next.isNull()) {
                throw new IllegalStateException("the viewer's feed has fewer than 20 pages");
            }
            cursor = next.asString();
        }
        return cursor;
    }

    private Wrk.Result measured(String label, Wrk wrk, String path, Path script) throws Exception {
        Wrk.Result result = wrk.run(web.url(path), script);
        say("   " + label + " " + result);
        return result;
    }

    /** Waits (at most 10 minutes) until the outbox is empty and the consumers have caught up. */
    private void settle() throws Exception {
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (System.nanoTime() < deadline) {
            long lag;
            try {
                lag = kafka.lag();
            } catch (Exception unknown) {
                lag = -1;
            }
            if ("0".equals(psql.query("SELECT COUNT(*) FROM outbox_events")) && lag == 0) {
                Thread.sleep(3000);
                return;
            }
            Thread.sleep(2000);
        }
    }

    private Report.Machine machine() throws Exception {
        Matcher total = Pattern.compile("(?m)^MemTotal:\\s+(\\d+) kB").matcher(Files.readString(Path.of("/proc/meminfo")));
        long gib = total.find() ? Long.parseLong(total.group(1)) / (1024 * 1024) : 0;
        String postgres = psql.query("SHOW server_version").split(" ")[0];
        return new Report.Machine(LocalDate.now(ZoneOffset.UTC), Runtime.getRuntime().availableProcessors(), gib,
                System.getProperty("os.name") + " " + System.getProperty("os.version"), postgres);
    }

    interface Probe<T> {
        T run() throws Exception;
    }

    /** A probe's result; a failed probe is written to bench/probe.log and reported as {@code failed}. */
    private <T> T probe(Probe<T> probe, T failed) throws IOException {
        try {
            return probe.run();
        } catch (Exception failure) {
            try (PrintWriter log = new PrintWriter(Files.newBufferedWriter(out.resolve("probe.log"),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND))) {
                failure.printStackTrace(log);
            }
            say("   failed: see " + out.resolve("probe.log"));
            return failed;
        }
    }

    private static void say(String line) {
        System.out.println(line);
    }
}
