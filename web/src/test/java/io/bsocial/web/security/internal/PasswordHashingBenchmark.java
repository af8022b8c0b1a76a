package io.bsocial.web.security.internal;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Not a test: times logins (one {@code matches} each) through the same {@link PasswordEncoder}
 * bean the application builds, at the old parameters (Spring Security 5.8's 16 MiB, t=2) and at
 * the current defaults, with two threads, and prints a Markdown table for docs/benchmarks.md.
 * Memory per hash is what the hashing thread allocates (HotSpot's per-thread counter). Run it as
 * docs/benchmarks.md says; arguments: logins per thread (default 200), warm-up per thread (20),
 * rounds (2; each round measures both, in alternating order).
 */
public final class PasswordHashingBenchmark {

    private static final String PASSWORD = "correct horse battery staple";
    private static final int THREADS = 2;
    private static final Map<String, String> OLD = Map.of("bsocial.password-hashing.memory", "16MB");

    private PasswordHashingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int logins = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        System.out.printf(Locale.ROOT, "%d logins per thread, %d threads, %d warm-up, %d cores, Java %s, heap %d MB%n%n",
                logins, THREADS, warmUp, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20);
        System.out.println("| parameters | logins/s (2 threads) | per core | p50 ms | p99 ms | MiB allocated per hash |");
        System.out.println("|---|---|---|---|---|---|");
        // Alternating the order shows how much of a difference is the machine rather than the cost.
        for (int round = 1; round <= rounds; round++) {
            if (round % 2 == 1) {
                run("old: 16 MiB, t=2, p=1", OLD, logins, warmUp);
                run("new: 19 MiB, t=2, p=1 (defaults)", Map.of(), logins, warmUp);
            } else {
                run("new: 19 MiB, t=2, p=1 (defaults)", Map.of(), logins, warmUp);
                run("old: 16 MiB, t=2, p=1", OLD, logins, warmUp);
            }
        }
    }

    private static void run(String label, Map<String, String> overrides, int logins, int warmUp) throws Exception {
        Map<String, String> settings = new HashMap<>(overrides);
        settings.put("bsocial.password-hashing.max-concurrent", String.valueOf(THREADS));
        settings.put("bsocial.password-hashing.max-wait", "1m");
        PasswordHashingProperties properties = new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("bsocial.password-hashing", PasswordHashingProperties.class);
        PasswordEncoder encoder = new PasswordHashing().passwordEncoder(properties);
        String stored = encoder.encode(PASSWORD);

        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            for (Future<long[]> warming : start(threads, encoder, stored, warmUp)) {
                warming.get();
            }
            long started = System.nanoTime();
            List<Future<long[]>> running = start(threads, encoder, stored, logins);
            List<Long> millis = new ArrayList<>();
            long allocated = 0;
            for (Future<long[]> done : running) {
                long[] result = done.get();
                allocated += result[result.length - 1];
                for (int i = 0; i < result.length - 1; i++) {
                    millis.add(result[i]);
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            long[] sorted = millis.stream().mapToLong(Long::longValue).sorted().toArray();
            double perSecond = sorted.length / seconds;
            int cores = Math.min(THREADS, Runtime.getRuntime().availableProcessors());
            System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.1f | %.1f |%n", label, perSecond,
                    perSecond / cores, percentile(sorted, 50) / 1e6, percentile(sorted, 99) / 1e6,
                    allocated / (double) sorted.length / (1 << 20));
        } finally {
            threads.shutdown();
        }
    }

    /** Each thread checks the password {@code count} times: nanoseconds per check, then bytes allocated. */
    private static List<Future<long[]>> start(ExecutorService threads, PasswordEncoder encoder, String stored,
            int count) {
        List<Future<long[]>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            futures.add(threads.submit(() -> {
                com.sun.management.ThreadMXBean mx =
                        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
                long[] result = new long[count + 1];
                long before = mx.getCurrentThreadAllocatedBytes();
                for (int i = 0; i < count; i++) {
                    long start = System.nanoTime();
                    if (!encoder.matches(PASSWORD, stored)) {
                        throw new IllegalStateException("the stored hash does not verify");
                    }
                    result[i] = System.nanoTime() - start;
                }
                result[count] = mx.getCurrentThreadAllocatedBytes() - before;
                return result;
            }));
        }
        return futures;
    }

    private static long percentile(long[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
