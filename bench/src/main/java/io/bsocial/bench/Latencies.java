package io.bsocial.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** What a latency probe measured: how many arrived, and their median, 99th percentile and maximum. */
record Latencies(int received, Double p50Ms, Double p99Ms, Double maxMs) {

    /** A probe that measured nothing (it failed, or nothing arrived). */
    static final Latencies NONE = new Latencies(0, null, null, null);

    static Latencies of(Collection<Double> millis) {
        if (millis.isEmpty()) {
            return NONE;
        }
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return new Latencies(sorted.size(), at(sorted, 0.50), at(sorted, 0.99), sorted.get(sorted.size() - 1));
    }

    /** The nearest-rank percentile: the smallest value that {@code quantile} of all are at or below. */
    static double at(List<Double> sorted, double quantile) {
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1)));
    }

    String p50() {
        return format(p50Ms);
    }

    String p99() {
        return format(p99Ms);
    }

    String max() {
        return format(maxMs);
    }

    private static String format(Double millis) {
        return millis == null ? "n/a" : String.format(Locale.ROOT, "%.1f", millis);
    }

    @Override
    public String toString() {
        return "received=" + received + " p50_ms=" + p50() + " p99_ms=" + p99() + " max_ms=" + max();
    }
}
