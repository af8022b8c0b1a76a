package io.bsocial.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP load from wrk, the load generator every figure so far was measured with, and what it
 * printed read back as numbers.
 */
final class Wrk {

    /** One endpoint's figures, as the report's HTTP table shows them. */
    record Result(long requestsPerSecond, double p50Ms, double p99Ms, long non2xx) {

        /** Each figure's median over rounds of the same measurement (the upper middle of an even count); errors summed. */
        static Result median(List<Result> rounds) {
            return new Result(
                    Math.round(middle(rounds.stream().mapToDouble(Result::requestsPerSecond).toArray())),
                    middle(rounds.stream().mapToDouble(Result::p50Ms).toArray()),
                    middle(rounds.stream().mapToDouble(Result::p99Ms).toArray()),
                    rounds.stream().mapToLong(Result::non2xx).sum());
        }

        /** Whether the last two results served within {@code tolerance} (a fraction) of each other's rate. */
        static boolean steady(List<Result> windows, double tolerance) {
            if (windows.size() < 2) {
                return false;
            }
            long last = windows.get(windows.size() - 1).requestsPerSecond();
            long before = windows.get(windows.size() - 2).requestsPerSecond();
            return Math.abs(last - before) <= tolerance * Math.max(last, before);
        }

        /** {@code after} against {@code before}, in per cent, one decimal: "+12.5 %". */
        static String change(double before, double after) {
            return String.format(Locale.ROOT, "%+.1f %%", (after - before) / before * 100);
        }

        /**
         * {@code after} against {@code before} round by round (each round measured both back to back),
         * as the median of the rounds' ratios, in per cent: what drifts over the run cancels out.
         */
        static String pairedChange(List<Result> before, List<Result> after, java.util.function.ToDoubleFunction<Result> figure) {
            double[] ratios = new double[Math.min(before.size(), after.size())];
            for (int i = 0; i < ratios.length; i++) {
                ratios[i] = figure.applyAsDouble(after.get(i)) / figure.applyAsDouble(before.get(i));
            }
            return change(1, middle(ratios));
        }

        private static double middle(double[] values) {
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            return sorted[sorted.length / 2];
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d %.1f %.1f %d", requestsPerSecond, p50Ms, p99Ms, non2xx);
        }
    }

    private static final Pattern RATE = Pattern.compile("(?m)^Requests/sec:\\s+([0-9.]+)");
    private static final Pattern NON_2XX = Pattern.compile("(?m)Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern VALUE = Pattern.compile("([0-9.]+)(us|ms|s|m)");

    private final String duration;
    private final int connections;
    private final String token;
    private final String operatorToken;

    Wrk(String duration, int connections, String token) {
        this(duration, connections, token, "");
    }

    private Wrk(String duration, int connections, String token, String operatorToken) {
        this.duration = duration;
        this.connections = connections;
        this.token = token;
        this.operatorToken = operatorToken == null ? "" : operatorToken;
    }

    Wrk withDuration(String otherDuration) {
        return new Wrk(otherDuration, connections, token, operatorToken);
    }

    Wrk withToken(String otherToken) {
        return new Wrk(duration, connections, otherToken, operatorToken);
    }

    /** Every request with the operator token: a load far past any user's budget, measured as the feature's cost. */
    Wrk withOperatorToken(String operator) {
        return new Wrk(duration, connections, token, operator);
    }

    String duration() {
        return duration;
    }

    int connections() {
        return connections;
    }

    Result run(String url) throws IOException, InterruptedException {
        return run(url, null);
    }

    /** Runs wrk against one endpoint; {@code script} (a Lua file) sets method and body. */
    Result run(String url, Path script) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("wrk", "-t2", "-c" + connections, "-d" + duration, "--latency"));
        // Login is measured anonymously: a login that carries a session id would rotate that session.
        if (!url.endsWith("/api/auth/login")) {
            command.addAll(List.of("-H", "X-Auth-Token: " + token));
        }
        if (!operatorToken.isBlank()) {
            command.addAll(List.of("-H", WebApi.OPERATOR_TOKEN + ": " + operatorToken));
        }
        if (script != null) {
            command.addAll(List.of("-s", script.toString()));
        }
        command.add(url);
        Process wrk = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (wrk.waitFor() != 0) {
            throw new IOException("wrk failed on " + url + ": " + out);
        }
        return parse(out);
    }

    /** A Lua script for wrk that sends {@code body} as JSON with {@code method}. */
    static Path script(Path file, String method, String body) throws IOException {
        return Files.writeString(file, "wrk.method = \"" + method + "\"\nwrk.body = '" + body
                + "'\nwrk.headers[\"Content-Type\"] = \"application/json\"\n");
    }

    /** wrk's output (with --latency) as requests/s, p50, p99 and the count of non-2xx answers. */
    static Result parse(String out) {
        Matcher rate = RATE.matcher(out);
        if (!rate.find()) {
            throw new IllegalArgumentException("no Requests/sec in wrk's output: " + out);
        }
        Matcher errors = NON_2XX.matcher(out);
        return new Result(Math.round(Double.parseDouble(rate.group(1))), percentile(out, "50%"), percentile(out, "99%"),
                errors.find() ? Long.parseLong(errors.group(1)) : 0);
    }

    private static double percentile(String out, String label) {
        Matcher line = Pattern.compile("(?m)^\\s+" + Pattern.quote(label) + "\\s+(\\S+)").matcher(out);
        if (!line.find()) {
            throw new IllegalArgumentException("no " + label + " latency in wrk's output (run it with --latency)");
        }
        return millis(line.group(1));
    }

    /** wrk's 812.00us / 5.12ms / 1.20s / 2.00m in milliseconds. */
    static double millis(String value) {
        Matcher parts = VALUE.matcher(value);
        if (!parts.matches()) {
            throw new IllegalArgumentException("not a wrk duration: " + value);
        }
        double number = Double.parseDouble(parts.group(1));
        return switch (parts.group(2)) {
            case "us" -> number / 1000;
            case "ms" -> number;
            case "s" -> number * 1000;
            default -> number * 60_000;
        };
    }
}
