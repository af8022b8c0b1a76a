package io.bsocial.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;

/**
 * {@code ./bsocial bench abuse}: what the budgets do against the floods of issue 22, on a running
 * system (started with {@code ./bsocial up --postgres}) at the contract's defaults. Bursts from 8
 * threads, without the operator token: one account's 1,000 posts, one address's 50 registrations
 * ({@code X-Forwarded-For} from loopback, a trusted proxy), one account's 500 follows of distinct
 * people; for each, how many got through, how many were refused (429), and what the database holds
 * afterwards (nothing past the budget). Before them, what the check costs: the service's own timer
 * of each budget check ({@code bsocial.budget.check}, read from the Actuator) for 200 posts, after
 * a warm-up that runs the same code for another budget (300 follows and unfollows) so that the JIT
 * has compiled it; and {@code POST /api/posts} with the budget against the same call with the
 * operator token (which skips the check), alternating. The posts are paced ({@value #PACE_MS} ms
 * apart): each post sets the relay, the fan-out, Kafka, the notifier, the indexer and OpenSearch
 * to work on the same two cores, and a post sent into that backlog measures the backlog. The
 * timers are read again after the bursts, where one user's 8 threads also wait for each other's
 * lock. A script that reports figures; it asserts nothing.
 */
final class AbuseBench {

    static final int THREADS = 8;
    static final int POSTS = 1_000;
    static final int REGISTRATIONS = 50;
    static final int FOLLOWS = 500;
    static final int SEQUENTIAL = 200;
    static final int WARM_UP = 300;
    static final int PACE_MS = 125;

    /** One burst: how many were sent, how they were answered, and what was written. */
    record Burst(String label, int sent, int passed, int refused, int other, long written, long budget, long millis) {

        String row() {
            return String.format(Locale.ROOT, "| %s | %,d | %,d | %,d | %,d | %,d (budget %,d) | %.1f |", label, sent, passed,
                    refused, other, written, budget, millis / 1000.0);
        }
    }

    /** A budget check as the service timed it: median and 99th percentile, in milliseconds. */
    record Check(String budget, String when, Double p50Ms, Double p99Ms) {

        String row() {
            return "| " + budget + " | " + when + " | " + ms(p50Ms) + " | " + ms(p99Ms) + " |";
        }
    }

    record Report(LocalDate date, int cores, String system, String postgres, List<Burst> bursts, List<Check> checks,
            Latencies budgeted, Latencies exempt) {

        String markdown() {
            StringBuilder md = new StringBuilder("## abuse\n\n");
            md.append(String.format(Locale.ROOT, "Run on %s: `./bsocial up --postgres && ./bsocial bench abuse`, on %d cores,"
                    + " %s; PostgreSQL %s. Budgets at the contract's defaults; %d threads per burst, no operator token."
                    + " \"Written\" is what the database holds afterwards.%n%n", date, cores, system, postgres, THREADS));
            md.append("| burst | sent | 2xx | 429 | other | written | seconds |\n|---|---|---|---|---|---|---|\n");
            bursts.forEach(burst -> md.append(burst.row()).append('\n'));
            md.append("\n| budget check (the service's timer) | when | p50 ms | p99 ms |\n|---|---|---|---|\n");
            checks.forEach(check -> md.append(check.row()).append('\n'));
            md.append(String.format(Locale.ROOT, "%n`POST /api/posts`, %d each, alternating, %d ms apart: with the"
                    + " budget p50 %s ms, p99 %s ms; with the operator token (no check) p50 %s ms, p99 %s ms.%n%n",
                    budgeted.received(), PACE_MS, budgeted.p50(), budgeted.p99(), exempt.p50(), exempt.p99()));
            return md.toString();
        }

        String values() {
            StringBuilder values = new StringBuilder("date=" + date + "\n");
            for (Burst burst : bursts) {
                String key = burst.label().replaceAll("[^a-z]+", "_").replaceAll("^_|_$", "");
                values.append(key).append("_passed=").append(burst.passed()).append('\n')
                        .append(key).append("_refused=").append(burst.refused()).append('\n')
                        .append(key).append("_written=").append(burst.written()).append('\n');
            }
            for (Check check : checks) {
                String key = "check_" + check.budget() + "_" + (check.when().startsWith("paced") ? "paced" : "bursts");
                values.append(key).append("_p50=").append(ms(check.p50Ms())).append('\n')
                        .append(key).append("_p99=").append(ms(check.p99Ms())).append('\n');
            }
            return values.append("post_budgeted_p50=").append(budgeted.p50()).append('\n')
                    .append("post_exempt_p50=").append(exempt.p50()).append('\n').toString();
        }

        void write(Path dir) throws IOException {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("abuse.values"), values());
            Files.writeString(dir.resolve("abuse.md"), markdown());
        }
    }

    private final Settings settings;
    private final WebApi operator;
    private final WebApi anyone;
    private final Services services;

    AbuseBench(Settings settings) {
        this.settings = settings;
        this.operator = new WebApi(settings.web(), settings.operatorToken());
        this.anyone = operator.withoutOperatorToken();
        this.services = new Services(settings.state());
    }

    void run() throws Exception {
        if (!anyone.healthy(settings.serviceUrl("web"))) {
            throw new IllegalStateException("web is not running: ./bsocial up --postgres first");
        }
        if (settings.operatorToken().isBlank()) {
            throw new IllegalStateException("no operator token: run it through ./bsocial bench abuse");
        }
        Psql psql = Psql.of(services.datasource());
        String run = "abuse" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20), 36) + "_";
        say("== bench abuse: users " + run + "*, budgets at their defaults, " + THREADS + " threads per burst");
        String poster = account(run + "poster");
        String measured = account(run + "measured");
        String exempted = account(run + "exempt");
        String follower = account(run + "follower");
        String warming = account(run + "warming");

        say("== warming up: " + WARM_UP + " follows and unfollows (budgeted) and " + WARM_UP / 2 + " exempt posts");
        account(run + "warmed");
        for (int i = 0; i < WARM_UP; i++) {
            String method = i % 2 == 0 ? "PUT" : "DELETE";
            timed(() -> anyone.call(method, "/api/users/" + run + "warmed/follow", warming), 204);
        }
        for (int i = 0; i < WARM_UP / 2; i++) {
            int n = i;
            timed(() -> operator.post("/api/posts", exempted, Map.of("content", "Warm-up post " + n)), 201);
        }

        say("== the check: " + SEQUENTIAL + " posts with the budget, " + SEQUENTIAL
                + " with the operator token, alternating, " + PACE_MS + " ms apart");
        List<Double> budgeted = new ArrayList<>();
        List<Double> exempt = new ArrayList<>();
        for (int i = 0; i < SEQUENTIAL; i++) {
            int n = i;
            budgeted.add(timed(() -> anyone.post("/api/posts", measured, Map.of("content", "Measured post " + n)), 201));
            Thread.sleep(PACE_MS);
            exempt.add(timed(() -> operator.post("/api/posts", exempted, Map.of("content", "Exempt post " + n)), 201));
            Thread.sleep(PACE_MS);
        }
        List<Check> checks = new ArrayList<>();
        checks.add(check("posts", "paced, one user"));
        say("   budgeted " + Latencies.of(budgeted) + "; exempt " + Latencies.of(exempt) + "; " + checks.get(0));

        List<Burst> bursts = new ArrayList<>();
        String posterId = psql.query("SELECT id FROM users WHERE username = '" + run + "poster'");
        bursts.add(burst("one account's posts", POSTS, 300, n -> anyone.post("/api/posts", poster,
                Map.of("content", "Flood " + n)), () -> psql.query("SELECT COUNT(*) FROM posts WHERE author_id = " + posterId)));

        String address = "198.18." + ThreadLocalRandom.current().nextInt(1, 255) + "." + ThreadLocalRandom.current().nextInt(1, 255);
        bursts.add(burst("one address's registrations", REGISTRATIONS, 5, n -> anyone.post("/api/auth/register", null,
                        WebApi.account(run + "r" + n, "Many", "Accounts"), "X-Forwarded-For", address),
                () -> psql.query("SELECT COUNT(*) FROM users WHERE username LIKE '" + run + "r%'")));

        say("   (" + FOLLOWS + " people to follow, inserted with psql)");
        psql.query("INSERT INTO users (username, username_key, email, email_key, first_name, last_name, name_key,"
                + " last_name_key, password_hash, registered_at) SELECT '" + run + "t' || g, '" + run + "t' || g, '"
                + run + "t' || g || '@bench.bsocial.io', '" + run + "t' || g || '@bench.bsocial.io', 'Followed', 'Person',"
                + " 'followed person', 'person', u.password_hash, now() FROM generate_series(1, " + FOLLOWS + ") g,"
                + " users u WHERE u.username = '" + run + "poster'");
        String followerId = psql.query("SELECT id FROM users WHERE username = '" + run + "follower'");
        bursts.add(burst("one account's follows", FOLLOWS, 400,
                n -> anyone.call("PUT", "/api/users/" + run + "t" + (n + 1) + "/follow", follower),
                () -> psql.query("SELECT COUNT(*) FROM follows WHERE follower_id = " + followerId)));

        for (String budget : List.of("posts", "follows", "registrations", "requests")) {
            checks.add(check(budget, "after the bursts"));
        }
        Report report = new Report(LocalDate.now(ZoneOffset.UTC), Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                psql.query("SHOW server_version").split(" ")[0], bursts, checks, Latencies.of(budgeted), Latencies.of(exempt));
        report.write(settings.parts());
        Summary.write(settings.parts(), settings.root().resolve("docs/benchmarks.md"));
        say("Results written to docs/benchmarks.md");
    }

    interface Call {
        HttpResponse<String> send(int n) throws Exception;
    }

    interface Count {
        String read() throws Exception;
    }

    /** {@code sent} calls from {@value #THREADS} threads at once; the answers counted, then what was written. */
    private Burst burst(String label, int sent, long budget, Call call, Count written) throws Exception {
        say("== " + label + ": " + sent + " at once");
        AtomicInteger next = new AtomicInteger();
        ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
        CyclicBarrier start = new CyclicBarrier(THREADS);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        long started = System.nanoTime();
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                work.add(pool.submit(() -> {
                    start.await();
                    for (int n = next.getAndIncrement(); n < sent; n = next.getAndIncrement()) {
                        statuses.add(call.send(n).statusCode());
                    }
                    return null;
                }));
            }
            for (Future<?> done : work) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        int passed = (int) statuses.stream().filter(status -> status / 100 == 2).count();
        int refused = (int) statuses.stream().filter(status -> status == 429).count();
        Burst burst = new Burst(label, sent, passed, refused, statuses.size() - passed - refused,
                Long.parseLong(written.read()), budget, millis);
        say("   " + burst.row());
        return burst;
    }

    /** Registers (as an operator: the registration budget is not this one's subject) and logs in. */
    private String account(String username) throws Exception {
        int status = operator.register(username, "Abuse", "Bench");
        if (status != 201) {
            throw new IllegalStateException("could not register " + username + ": HTTP " + status);
        }
        return operator.login(username, Bench.PASSWORD);
    }

    interface Request {
        HttpResponse<String> send() throws Exception;
    }

    private static double timed(Request request, int expected) throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> response = request.send();
        double millis = (System.nanoTime() - started) / 1e6;
        if (response.statusCode() != expected) {
            throw new IllegalStateException("HTTP " + response.statusCode() + " where " + expected + " was expected: "
                    + response.body());
        }
        return millis;
    }

    /** The service's percentiles of one budget's check (the Actuator answers this machine). */
    private Check check(String budget, String when) throws Exception {
        return new Check(budget, when, percentile(budget, "0.5"), percentile(budget, "0.99"));
    }

    private Double percentile(String budget, String phi) throws Exception {
        HttpResponse<String> response = WebApi.HTTP.send(HttpRequest.newBuilder(URI.create(settings.web()
                + "/actuator/metrics/bsocial.budget.check.percentile?tag=budget:" + budget + "&tag=phi:" + phi)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            return null;
        }
        JsonNode measurements = Json.tree(response.body()).get("measurements");
        return measurements == null || measurements.isEmpty() ? null : measurements.get(0).get("value").asDouble() * 1000;
    }

    static String ms(Double millis) {
        return millis == null ? "n/a" : String.format(Locale.ROOT, "%.3f", millis);
    }

    private static void say(String line) {
        System.out.println(line);
    }
}
