package io.bsocial.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code ./bsocial bench h2}: issue 17's probe of the embedded default (a system started with
 * {@code ./bsocial up}, H2): a reader who follows 50 people with 2,000 posts between them, wrk with
 * 32 connections on that one session token, the feed against {@code /api/me}. psql cannot reach
 * H2, so the data goes in through the JSON API, under names of its own for each run (the H2 file
 * keeps whatever was there before).
 */
final class H2Bench {

    static final int AUTHORS = 50;
    static final int POSTS = 2_000;
    static final int CONNECTIONS = 32;

    /** One run's figures, as {@code docs/benchmarks/h2.md} and {@code h2.values}. */
    record Report(LocalDate date, int cores, String system, long setupSeconds, String duration, Wrk.Result me,
            Wrk.Result feed) {

        Double ratio() {
            return me.p99Ms() > 0 ? feed.p99Ms() / me.p99Ms() : null;
        }

        String markdown() {
            StringBuilder md = new StringBuilder("## h2\n\n");
            md.append(String.format(Locale.ROOT,
                    "Run on %s: `./bsocial up && ./bsocial bench h2` (the H2 default), on %d cores, %s.%n%n", date, cores,
                    system));
            md.append(String.format(Locale.ROOT,
                    "Data, through the JSON API in %d s: a reader who follows %d people with %d posts between them.%n%n",
                    setupSeconds, AUTHORS, POSTS));
            md.append(String.format(Locale.ROOT,
                    "| HTTP (wrk, %s, %d connections on one session token) | requests/s | p50 ms | p99 ms | non-2xx |%n|---|---|---|---|---|%n",
                    duration, CONNECTIONS));
            row(md, "`GET /api/me`", me);
            row(md, "`GET /api/feed` first page", feed);
            md.append(String.format(Locale.ROOT, "%n**Feed p99 / `/api/me` p99 on H2: %.1f / %.1f ms = %s** (target ≤ 3).%n%n",
                    feed.p99Ms(), me.p99Ms(), FollowScale.ratioText(ratio())));
            return md.toString();
        }

        String values() {
            return String.format(Locale.ROOT, "date=%s%nme_p50=%.1f%nme_p99=%.1f%nfeed_p50=%.1f%nfeed_p99=%.1f%nratio=%s%n",
                    date, me.p50Ms(), me.p99Ms(), feed.p50Ms(), feed.p99Ms(), FollowScale.ratioText(ratio()));
        }

        void write(Path dir) throws IOException {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("h2.values"), values());
            Files.writeString(dir.resolve("h2.md"), markdown());
        }

        private static void row(StringBuilder md, String label, Wrk.Result figures) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %d |%n", label, figures.requestsPerSecond(),
                    figures.p50Ms(), figures.p99Ms(), figures.non2xx()));
        }
    }

    private final Settings settings;
    private final WebApi web;

    H2Bench(Settings settings) {
        this.settings = settings;
        this.web = new WebApi(settings.web(), settings.operatorToken());
    }

    void run() throws Exception {
        if (!web.healthy(settings.serviceUrl("web"))) {
            throw new IllegalStateException("web is not running: ./bsocial up first");
        }
        if (!Settings.onPath("wrk")) {
            throw new IllegalStateException("wrk is required (apt-get install wrk)");
        }
        String run = "h2b" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20), 36) + "_";
        System.out.println("== bench h2: a reader following " + AUTHORS + " people with " + POSTS
                + " posts, through the API (users " + run + "*)");
        long started = System.nanoTime();
        String reader = setUp(run);
        long setupSeconds = Math.round((System.nanoTime() - started) / 1e9);
        System.out.println("   set up in " + setupSeconds + "s");

        Wrk wrk = new Wrk(settings.duration(), CONNECTIONS, reader).withOperatorToken(settings.operatorToken());
        System.out.println("== warming up (JIT) for 10 s");
        wrk.withDuration("5s").run(web.url("/api/me"));
        wrk.withDuration("5s").run(web.url("/api/feed"));
        System.out.println("== HTTP load (wrk, " + wrk.duration() + " each, " + CONNECTIONS + " connections, one token)");
        Wrk.Result me = wrk.run(web.url("/api/me"));
        System.out.println("   me       " + me);
        Wrk.Result feed = wrk.run(web.url("/api/feed"));
        System.out.println("   feed     " + feed);

        Report report = new Report(LocalDate.now(ZoneOffset.UTC), Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name") + " " + System.getProperty("os.version"), setupSeconds, wrk.duration(), me,
                feed);
        report.write(settings.parts());
        Summary.write(settings.parts(), settings.root().resolve("docs/benchmarks.md"));
        System.out.println("Results written to docs/benchmarks.md");
    }

    /** Registers the reader and the authors, posts, follows; answers the reader's token. */
    private String setUp(String run) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> logins = new ArrayList<>();
            for (int i = 0; i <= AUTHORS; i++) {
                String username = run + (i == 0 ? "reader" : "a" + i);
                logins.add(pool.submit(() -> {
                    int status = web.register(username, "Bench", i(username));
                    if (status != 201) {
                        throw new IllegalStateException("could not register " + username + ": HTTP " + status);
                    }
                    return web.login(username, Bench.PASSWORD);
                }));
            }
            List<String> tokens = new ArrayList<>();
            for (Future<String> login : logins) {
                tokens.add(login.get());
            }
            String reader = tokens.get(0);
            List<Future<Integer>> writes = new ArrayList<>();
            for (int a = 1; a <= AUTHORS; a++) {
                String author = run + "a" + a;
                writes.add(pool.submit(() -> status(web.call("PUT", "/api/users/" + author + "/follow", reader), 204)));
            }
            // Round by round, so that every author's posts spread over the whole run, as in a real feed.
            for (int p = 0; p < POSTS; p++) {
                String token = tokens.get(1 + p % AUTHORS);
                int n = p;
                writes.add(pool.submit(() -> status(web.post("/api/posts", token,
                        Map.of("content", "H2 benchmark post " + n + ".")), 201)));
            }
            for (Future<Integer> write : writes) {
                write.get();
            }
            return reader;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String i(String username) {
        return "Author " + username.substring(username.indexOf('_') + 1);
    }

    private static int status(HttpResponse<String> response, int expected) {
        if (response.statusCode() != expected) {
            throw new IllegalStateException("HTTP " + response.statusCode() + " where " + expected + " was expected");
        }
        return response.statusCode();
    }
}
