package io.bsocial.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
    /** Issue 16: followers of the celebrity with a STOMP session open, and the posts they hear of. */
    private static final int CONNECTED_FOLLOWERS = 200;
    private static final int PUSHED_POSTS = 30;
    private static final int VISIBLE_POSTS = 50;
    private static final int FAN_OUT_POSTS = 100;
    /** The viewers' feeds are measured this many times each, in turn (see FollowScale.ViewerFeed). */
    private static final int VIEWER_ROUNDS = 3;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    static final String CELEBRITY = "bench_celebrity";
    /** An author with an ordinary number of followers, whom no benchmark viewer follows at large. */
    static final String ORDINARY = "bench_501";

    private final Settings settings;
    private final WebApi web;
    private final KafkaProbes kafka;
    private final Services services;
    private final Path out;
    private Psql psql;

    Bench(Settings settings) {
        this.settings = settings;
        this.web = new WebApi(settings.web(), settings.operatorToken());
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
                case "feed" -> new Bench(settings).feed(args.length > 1 ? args[1] : "this-run");
                case "feed-against" -> new Bench(settings).feedAgainst(args[1]);
                case "h2" -> new H2Bench(settings).run();
                case "abuse" -> new AbuseBench(settings).run();
                default -> throw new IllegalArgumentException("usage: ./bsocial bench [small|large|h2|abuse|feed <label>|summary]");
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

        // BSOCIAL_BENCH_REUSE=<seconds the earlier load took>,<seconds its rebuild took>: measure
        // again on the data (and timelines) an earlier run of the same size left, without reloading.
        String reuse = System.getenv("BSOCIAL_BENCH_REUSE");
        long loadSeconds = reuse == null ? load(size) : Long.parseLong(reuse.split(",")[0].trim());
        Timelines timelines = new Timelines(web);
        boolean timeline = timelines.state().isPresent();
        String timelineNote;
        if (timeline && reuse != null) {
            say("== reusing the data and timelines of an earlier run (BSOCIAL_BENCH_REUSE)");
            timelineNote = "available, rebuilt after the load in " + reuse.split(",")[1].trim()
                    + " s (`POST /actuator/timelines/rebuild`, by an earlier run on the same data)";
        } else if (timeline) {
            say("== rebuilding the home timelines (POST /actuator/timelines/rebuild)");
            long rebuilt = timelines.rebuild();
            say("   rebuilt in " + rebuilt + "s");
            // As load.sql does for the tables it fills: statistics and a visibility map for the new
            // rows, which autovacuum would give them where it runs (not on every machine: see notes).
            psql.query("VACUUM ANALYZE home_timelines");
            psql.query("VACUUM ANALYZE timeline_heads");
            timelineNote = "available, rebuilt after the load in " + rebuilt + " s (`POST /actuator/timelines/rebuild`)";
        } else {
            say("== home timeline: not available (GET /actuator/timelines answered 404); its figures are skipped");
            timelineNote = FollowScale.NOT_AVAILABLE + " (`GET /actuator/timelines` answered 404): the feed is read"
                    + " with one index probe per followed author, as before the home timeline";
        }
        String viewer = web.login("bench_viewer", PASSWORD);
        String commenter = web.login("bench_2", PASSWORD);
        psql.query("INSERT INTO follows (follower_id, followee_id, created_at) SELECT c.id, v.id, now() FROM users c, users v"
                + " WHERE c.username = 'bench_2' AND v.username = 'bench_viewer' ON CONFLICT DO NOTHING");
        String cursor = cursorAfter(viewer, 19);
        Map<String, String> viewerTokens = new LinkedHashMap<>();
        Map<String, String> viewerCursors = new LinkedHashMap<>();
        for (String name : Size.VIEWERS) {
            String token = web.login(name, PASSWORD);
            viewerTokens.put(name, token);
            viewerCursors.put(name, cursorAfter(token, 19));
        }
        String celebrity = web.login(CELEBRITY, PASSWORD);
        String ordinary = web.login(ORDINARY, PASSWORD);
        long postId = Json.tree(web.post("/api/posts", viewer,
                Map.of("content", "A post to comment on, for the notification benchmark.")).body()).get("id").asLong();

        Path post = Wrk.script(out.resolve("post.lua"), "POST", "{\"content\":\"A benchmark post, written by wrk.\"}");
        Path comment = Wrk.script(out.resolve("comment.lua"), "POST", "{\"content\":\"A benchmark comment, written by wrk.\"}");
        Path login = Wrk.script(out.resolve("login.lua"), "POST",
                "{\"login\":\"bench_viewer\",\"password\":\"" + PASSWORD + "\"}");
        String comments = "/api/posts/" + postId + "/comments";
        Wrk wrk = new Wrk(settings.duration(), settings.connections(), viewer).withOperatorToken(settings.operatorToken());

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

        // The writes above left work behind (outbox, consumers, fan-out): every viewer starts quiet.
        settle(Duration.ofMinutes(2));
        say("== feed by follow count (wrk, " + wrk.duration() + " each, " + VIEWER_ROUNDS + " rounds)");
        Map<String, List<Wrk.Result>> firsts = new LinkedHashMap<>();
        Map<String, List<Wrk.Result>> deeps = new LinkedHashMap<>();
        for (int round = 1; round <= VIEWER_ROUNDS; round++) {
            for (String name : Size.VIEWERS) {
                Wrk as = wrk.withToken(viewerTokens.get(name));
                firsts.computeIfAbsent(name, n -> new ArrayList<>()).add(measured(name + " first", as, "/api/feed", null));
                deeps.computeIfAbsent(name, n -> new ArrayList<>()).add(measured(name + " @20  ", as, "/api/feed?limit=20&cursor="
                        + URLEncoder.encode(viewerCursors.get(name), StandardCharsets.UTF_8), null));
            }
        }
        List<FollowScale.ViewerFeed> viewers = new ArrayList<>();
        for (int i = 0; i < Size.VIEWERS.size(); i++) {
            String name = Size.VIEWERS.get(i);
            viewers.add(new FollowScale.ViewerFeed(name, size.viewerFollows().get(i), firsts.get(name), deeps.get(name)));
        }
        say("== POST /api/posts: the celebrity vs an ordinary author");
        FollowScale.PostCost celebrityPosts = new FollowScale.PostCost(CELEBRITY, followers(CELEBRITY),
                measured("celebrity", wrk.withToken(celebrity), "/api/posts", post));
        FollowScale.PostCost ordinaryPosts = new FollowScale.PostCost(ORDINARY, followers(ORDINARY),
                measured("ordinary ", wrk.withToken(ordinary), "/api/posts", post));

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

        settle();
        say("== the celebrity's posts: live feed push to " + CONNECTED_FOLLOWERS + " connected followers, and their feeds");
        List<String> followers = loginFollowers(size);
        FeedPushProbe push = new FeedPushProbe(web, URI.create(settings.notifierSocket()));
        Latencies pushed = probe(() -> push.measure(celebrity, followers, PUSHED_POSTS, 500), Latencies.NONE);
        say("   push: " + pushed);
        TimelineProbes timelineProbes = new TimelineProbes(web);
        Latencies visible = probe(() -> timelineProbes.visible(celebrity, followers, VISIBLE_POSTS), Latencies.NONE);
        say("   visible in a follower's feed: " + visible);
        FollowScale.FanOut fanOut = null;
        FollowScale.Storage storage = null;
        if (timeline) {
            settle();
            String burstAuthor = psql.query("SELECT u.username FROM follows f JOIN users u ON u.id = f.followee_id"
                    + " WHERE u.username LIKE 'bench\\_%' AND u.username <> '" + CELEBRITY + "'"
                    + " AND NOT EXISTS (SELECT 1 FROM timeline_authors p WHERE p.author_id = u.id AND p.popular)"
                    + " GROUP BY u.username ORDER BY COUNT(*) DESC LIMIT 1");
            say("== fan-out: " + FAN_OUT_POSTS + " posts by " + burstAuthor + " (" + followers(burstAuthor) + " followers)");
            long authorFollowers = followers(burstAuthor);
            String authorToken = web.login(burstAuthor, PASSWORD);
            // PostgreSQL's statistics count every row inserted, however many trimming deleted since.
            TimelineProbes.RowsWritten written = () -> Long.parseLong(psql.query(
                    "SELECT pg_stat_get_tuples_inserted('home_timelines'::regclass)"
                    + " + pg_stat_get_xact_tuples_inserted('home_timelines'::regclass)"));
            fanOut = probe(() -> timelineProbes.fanOut(timelines, written, burstAuthor, authorFollowers, authorToken,
                    FAN_OUT_POSTS), null);
            if (fanOut != null) {
                say("   " + fanOut.entriesWritten() + " entries written in " + fanOut.seconds() + "s: "
                        + fanOut.rowsPerSecond() + " rows/s");
            }
            settle();
            storage = probe(() -> new FollowScale.Storage(Long.parseLong(psql.query("SELECT pg_total_relation_size('home_timelines')")),
                    Long.parseLong(psql.query("SELECT COUNT(*) FROM home_timelines")),
                    Long.parseLong(psql.query("SELECT COUNT(*) FROM posts"))), null);
            if (storage != null) {
                say("   home_timelines: " + storage.bytes() / 1048576 + " MB, " + storage.entries() + " entries, "
                        + storage.posts() + " posts");
            }
        }
        FollowScale scale = new FollowScale(timelineNote, viewers, celebrityPosts, ordinaryPosts, followers.size(),
                PUSHED_POSTS, pushed, VISIBLE_POSTS, visible, fanOut, storage);

        Report report = new Report(size, loadSeconds, machine(), wrk.duration(), wrk.connections(), http, notified, events,
                indexer, services.memory("web"), services.memory("notifier"), services.memory("indexer"), scale);
        report.write(settings.parts());
        Summary.write(settings.parts(), settings.root().resolve("docs/benchmarks.md"));
        say("Results written to docs/benchmarks.md");
    }

    /**
     * {@code ./bsocial bench feed <label>}: the feed alone, on the small data set, to compare two
     * builds on the same data (issue 25: the feed with like counts and {@code likedByMe} against
     * the feed without them), one build after the other. Warms the feed's path until it is steady,
     * then five rounds of the viewer's first page and 20 pages deep, alternating, and writes
     * docs/benchmarks/feed-&lt;label&gt;.values with the medians over the rounds (p50 and p99 each).
     * {@link #feedAgainst} compares two builds running side by side instead, which cancels drift.
     */
    void feed(String label) throws Exception {
        if (!label.matches("[a-z0-9-]{1,30}")) {
            throw new IllegalArgumentException("a label is 1-30 of a-z, 0-9 and -");
        }
        FeedSetup setup = feedSetup();
        Wrk wrk = setup.wrk();
        say("== warming up until two 10 s windows in a row agree within 5 % (at most " + MAX_WARM_UP_WINDOWS + ")");
        List<Wrk.Result> windows = warmUntilSteady(List.of(web.url("")), wrk, setup.deep());
        List<Wrk.Result> first = new ArrayList<>();
        List<Wrk.Result> deep = new ArrayList<>();
        for (int round = 1; round <= 5; round++) {
            say("== round " + round + " (wrk, " + wrk.duration() + ", " + wrk.connections() + " connections)");
            first.add(measured("feed    ", wrk, "/api/feed", null));
            deep.add(measured("feed@20 ", wrk, setup.deep(), null));
        }
        Wrk.Result firstMedian = Wrk.Result.median(first);
        Wrk.Result deepMedian = Wrk.Result.median(deep);
        Path values = settings.root().resolve("docs/benchmarks/feed-" + label + ".values");
        Files.writeString(values, String.join("\n",
                "likes=" + setup.likes(),
                "warm_up_windows=" + windows,
                "feed_rps=" + firstMedian.requestsPerSecond(),
                "feed_p50=" + firstMedian.p50Ms(),
                "feed_p99=" + firstMedian.p99Ms(),
                "feed20_rps=" + deepMedian.requestsPerSecond(),
                "feed20_p50=" + deepMedian.p50Ms(),
                "feed20_p99=" + deepMedian.p99Ms(),
                "rounds_feed=" + first,
                "rounds_feed20=" + deep) + "\n");
        say("== wrote " + values);
    }

    /**
     * {@code ./bsocial bench feed-against <jar>} (the launcher starts that jar as a second web of the
     * same system, on the same database, and hands its address here): this system's web (A) against
     * the other build (B), side by side, so that whatever drifts during the run (the JIT, the
     * database's caches, the machine) drifts for both. Both are warmed until steady, then seven
     * rounds each measure A and B on the first page and 20 pages deep, in alternating order (A first
     * in odd rounds, B first in even ones). Writes docs/benchmarks/feed-against.values: each build's
     * medians over the rounds and B's change against A, for p50 and p99.
     */
    void feedAgainst(String other) throws Exception {
        URI otherWeb = URI.create(other);
        if (!web.healthy(otherWeb.toString())) {
            throw new IllegalStateException("the other web does not answer at " + otherWeb);
        }
        FeedSetup setup = feedSetup();
        Wrk wrk = setup.wrk();
        Map<String, String> builds = new LinkedHashMap<>();
        builds.put("A", web.url(""));
        builds.put("B", otherWeb.toString().replaceAll("/+$", ""));
        say("== warming up both until two 10 s windows in a row agree within 5 % (at most " + MAX_WARM_UP_WINDOWS
                + " each)");
        Map<String, List<Wrk.Result>> windows = new LinkedHashMap<>();
        List<Wrk.Result> warmed = warmUntilSteady(List.copyOf(builds.values()), wrk, setup.deep());
        for (int i = 0; i < 2; i++) {
            List<Wrk.Result> own = new ArrayList<>();
            for (int w = i; w < warmed.size(); w += 2) {
                own.add(warmed.get(w));
            }
            windows.put(i == 0 ? "A" : "B", own);
        }
        Map<String, List<Wrk.Result>> first = new LinkedHashMap<>();
        Map<String, List<Wrk.Result>> deep = new LinkedHashMap<>();
        builds.keySet().forEach(build -> {
            first.put(build, new ArrayList<>());
            deep.put(build, new ArrayList<>());
        });
        for (int round = 1; round <= AGAINST_ROUNDS; round++) {
            List<String> order = round % 2 == 1 ? List.of("A", "B") : List.of("B", "A");
            say("== round " + round + ", " + String.join(" then ", order) + " (wrk, " + wrk.duration() + ", "
                    + wrk.connections() + " connections)");
            for (String build : order) {
                first.get(build).add(measuredAt(build + " feed    ", wrk, builds.get(build) + "/api/feed", null));
            }
            for (String build : order) {
                deep.get(build).add(measuredAt(build + " feed@20 ", wrk, builds.get(build) + setup.deep(), null));
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add("a=" + builds.get("A"));
        lines.add("b=" + builds.get("B"));
        for (String build : builds.keySet()) {
            String key = build.toLowerCase(java.util.Locale.ROOT);
            Wrk.Result firstMedian = Wrk.Result.median(first.get(build));
            Wrk.Result deepMedian = Wrk.Result.median(deep.get(build));
            lines.add(key + "_warm_up_windows=" + windows.get(build));
            lines.add(key + "_feed_rps=" + firstMedian.requestsPerSecond());
            lines.add(key + "_feed_p50=" + firstMedian.p50Ms());
            lines.add(key + "_feed_p99=" + firstMedian.p99Ms());
            lines.add(key + "_feed20_rps=" + deepMedian.requestsPerSecond());
            lines.add(key + "_feed20_p50=" + deepMedian.p50Ms());
            lines.add(key + "_feed20_p99=" + deepMedian.p99Ms());
            lines.add(key + "_rounds_feed=" + first.get(build));
            lines.add(key + "_rounds_feed20=" + deep.get(build));
        }
        Wrk.Result a = Wrk.Result.median(first.get("A"));
        Wrk.Result b = Wrk.Result.median(first.get("B"));
        Wrk.Result a20 = Wrk.Result.median(deep.get("A"));
        Wrk.Result b20 = Wrk.Result.median(deep.get("B"));
        // Both ways: the medians' change, and the median of the rounds' own changes (A and B back to back).
        lines.add("b_against_a_feed_p50=" + Wrk.Result.change(a.p50Ms(), b.p50Ms()));
        lines.add("b_against_a_feed_p99=" + Wrk.Result.change(a.p99Ms(), b.p99Ms()));
        lines.add("b_against_a_feed20_p50=" + Wrk.Result.change(a20.p50Ms(), b20.p50Ms()));
        lines.add("b_against_a_feed20_p99=" + Wrk.Result.change(a20.p99Ms(), b20.p99Ms()));
        lines.add("b_against_a_paired_feed_p50=" + Wrk.Result.pairedChange(first.get("A"), first.get("B"), Wrk.Result::p50Ms));
        lines.add("b_against_a_paired_feed_p99=" + Wrk.Result.pairedChange(first.get("A"), first.get("B"), Wrk.Result::p99Ms));
        lines.add("b_against_a_paired_feed20_p50=" + Wrk.Result.pairedChange(deep.get("A"), deep.get("B"), Wrk.Result::p50Ms));
        lines.add("b_against_a_paired_feed20_p99=" + Wrk.Result.pairedChange(deep.get("A"), deep.get("B"), Wrk.Result::p99Ms));
        Path values = settings.root().resolve("docs/benchmarks/feed-against.values");
        Files.writeString(values, String.join("\n", lines) + "\n");
        lines.stream().filter(line -> line.startsWith("b_against")).forEach(line -> say("   " + line));
        say("== wrote " + values);
    }

    private static final int MAX_WARM_UP_WINDOWS = 12;
    private static final int AGAINST_ROUNDS = 7;

    /** The viewer, where the deep page starts, and whether the database has likes. */
    private record FeedSetup(Wrk wrk, String deep, boolean likes) {
    }

    /**
     * The small data set (loaded unless an earlier run left it, BSOCIAL_BENCH_REUSE); where the
     * schema has likes, ten on a third of the posts and the viewer's on one in five (the same rows
     * every run), so that the likes' columns read real rows; the viewer logged in.
     */
    private FeedSetup feedSetup() throws Exception {
        if (!web.healthy(settings.serviceUrl("web"))) {
            throw new IllegalStateException("web is not running: ./bsocial up --postgres first");
        }
        psql = Psql.of(services.datasource());
        Files.createDirectories(out);
        if (System.getenv("BSOCIAL_BENCH_REUSE") == null) {
            load(Size.SMALL);
        }
        Timelines timelines = new Timelines(web);
        if (timelines.state().isPresent()) {
            say("== rebuilding the home timelines");
            timelines.rebuild();
        }
        boolean likes = "1".equals(psql.query(
                "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema()"
                        + " AND table_name = 'post_likes'"));
        if (likes) {
            say("== likes: ten on a third of the posts, the viewer's on one in five");
            psql.query("""
                    INSERT INTO post_likes (post_id, user_id, created_at)
                    SELECT p.id, u.id, now() FROM posts p
                      JOIN users u ON u.username IN ('bench_1','bench_2','bench_3','bench_4','bench_5',
                                                     'bench_6','bench_7','bench_8','bench_9','bench_10')
                     WHERE p.id % 3 = 0
                    ON CONFLICT DO NOTHING""");
            psql.query("""
                    INSERT INTO post_likes (post_id, user_id, created_at)
                    SELECT p.id, v.id, now() FROM posts p JOIN users v ON v.username = 'bench_viewer'
                     WHERE p.id % 5 = 0
                    ON CONFLICT DO NOTHING""");
            // Only the counts that changed: a rerun on the same data writes no new row versions.
            psql.query("""
                    UPDATE posts p SET like_count = l.likes
                      FROM (SELECT post_id, COUNT(*) AS likes FROM post_likes GROUP BY post_id) l
                     WHERE l.post_id = p.id AND p.like_count <> l.likes""");
            // As the load does for the tables it fills: autovacuum does not run on this machine.
            psql.query("VACUUM ANALYZE post_likes");
            psql.query("VACUUM ANALYZE posts");
        }
        String viewer = web.login("bench_viewer", PASSWORD);
        String deep = "/api/feed?limit=20&cursor=" + URLEncoder.encode(cursorAfter(viewer, 19), StandardCharsets.UTF_8);
        Wrk wrk = new Wrk(settings.duration(), settings.connections(), viewer).withOperatorToken(settings.operatorToken());
        return new FeedSetup(wrk, deep, likes);
    }

    /**
     * Runs 10 s windows on the first page of each server in {@code bases}, in turn (each followed by a
     * window 20 pages deep on the same server), until every one of them served two first-page windows
     * in a row within 5 % of each other, or {@link #MAX_WARM_UP_WINDOWS} each. Answers the first-page
     * windows in the order they ran.
     */
    private List<Wrk.Result> warmUntilSteady(List<String> bases, Wrk wrk, String deep) throws Exception {
        Wrk window = wrk.withDuration("10s");
        List<Wrk.Result> all = new ArrayList<>();
        List<List<Wrk.Result>> each = new ArrayList<>();
        bases.forEach(base -> each.add(new ArrayList<>()));
        for (int n = 1; n <= MAX_WARM_UP_WINDOWS; n++) {
            for (int i = 0; i < bases.size(); i++) {
                Wrk.Result result = measuredAt("warm-up " + (char) ('A' + i) + " " + n, window, bases.get(i) + "/api/feed", null);
                window.run(bases.get(i) + deep);
                each.get(i).add(result);
                all.add(result);
            }
            if (each.stream().allMatch(results -> Wrk.Result.steady(results, 0.05))) {
                return all;
            }
        }
        say("   not steady after " + MAX_WARM_UP_WINDOWS + " windows: measuring anyway (the rounds alternate)");
        return all;
    }

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
        Map<String, String> variables = new LinkedHashMap<>(Map.of("users", String.valueOf(size.users()),
                "posts", String.valueOf(size.posts()), "follows", String.valueOf(size.follows()),
                "comments", String.valueOf(size.comments()), "hash", hash));
        for (int i = 0; i < Size.VIEWERS.size(); i++) {
            variables.put(Size.VIEWERS.get(i).replace("bench_", ""), String.valueOf(size.viewerFollows().get(i)));
        }
        psql.script(settings.root().resolve("bench/load.sql"), variables, out.resolve("load-" + size.id() + ".log"));
        long seconds = Math.round((System.nanoTime() - started) / 1e9);
        say("   loaded in " + seconds + "s");
        return seconds;
    }

    private long followers(String username) throws Exception {
        return Long.parseLong(psql.query("SELECT COUNT(*) FROM follows f JOIN users u ON u.id = f.followee_id"
                + " WHERE u.username = '" + username + "'"));
    }

    /** Sessions of {@value #CONNECTED_FOLLOWERS} of the celebrity's followers, spread over all of them. */
    private List<String> loginFollowers(Size size) throws Exception {
        ExecutorService logins = Executors.newFixedThreadPool(2); // Argon2id: two cores, two hashes at a time
        try {
            List<Future<String>> tokens = new ArrayList<>();
            for (int i = 0; i < CONNECTED_FOLLOWERS; i++) {
                String name = "bench_" + (1 + i * (size.users() / CONNECTED_FOLLOWERS));
                tokens.add(logins.submit(() -> web.login(name, PASSWORD)));
            }
            List<String> sessions = new ArrayList<>();
            for (Future<String> token : tokens) {
                sessions.add(token.get());
            }
            return sessions;
        } finally {
            logins.shutdownNow();
        }
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
        return measuredAt(label, wrk, web.url(path), script);
    }

    /** One wrk window on {@code url}, any server's, printed with its times. */
    private Wrk.Result measuredAt(String label, Wrk wrk, String url, Path script) throws Exception {
        // The window's times in UTC, to lay the figures beside the services' GC logs and PostgreSQL's log.
        String start = LocalTime.now(ZoneOffset.UTC).format(CLOCK);
        Wrk.Result result = wrk.run(url, script);
        say("   " + label + " " + result + "   [" + start + "-" + LocalTime.now(ZoneOffset.UTC).format(CLOCK) + " UTC]");
        return result;
    }

    /** Waits (at most 10 minutes) until the outbox is empty and the consumers have caught up. */
    private void settle() throws Exception {
        settle(Duration.ofMinutes(10));
    }

    private void settle(Duration atMost) throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline) {
            long lag;
            try {
                lag = kafka.lag();
            } catch (Exception unknown) {
                lag = -1;
            }
            if ("0".equals(psql.query("SELECT COUNT(*) FROM outbox_events")) && lag == 0 && timelinesDrained()) {
                Thread.sleep(3000);
                return;
            }
            Thread.sleep(2000);
        }
    }

    /** No post waits for its fan-out (true where there is no home timeline). */
    private boolean timelinesDrained() throws Exception {
        return new Timelines(web).state().map(state -> state.pending() == 0).orElse(true);
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
