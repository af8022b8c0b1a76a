package io.bsocial.bench;

import java.util.List;
import java.util.Locale;

/**
 * The figures of issues 16 and 17: the feed for viewers who follow more and more people, a
 * celebrity's posts (their cost, their push to connected followers, their arrival in a follower's
 * feed) and the home timeline's fan-out and storage. {@code timelines} says whether web had the
 * home timeline; {@code fanOut} and {@code storage} are null when it had not.
 */
record FollowScale(String timelines, List<ViewerFeed> viewers, PostCost celebrity, PostCost ordinary, int connected,
        int pushPosts, Latencies push, int visiblePosts, Latencies visible, FanOut fanOut, Storage storage) {

    /**
     * One viewer's feed: the first page and the page 20 deep, measured in rounds (the viewers in
     * turn, round after round). Each figure is the median over the rounds: on two cores shared by
     * wrk, the JVM and PostgreSQL, one 15 s window's p99 jumps with whatever else got a core then
     * (docs/benchmarks/notes.md), and the median round is what a viewer's page costs.
     */
    record ViewerFeed(String username, int follows, List<Wrk.Result> firstRounds, List<Wrk.Result> deepRounds) {

        ViewerFeed {
            if (firstRounds.isEmpty() || deepRounds.isEmpty()) {
                throw new IllegalArgumentException("a viewer's feed needs at least one round");
            }
            firstRounds = List.copyOf(firstRounds);
            deepRounds = List.copyOf(deepRounds);
        }

        ViewerFeed(String username, int follows, Wrk.Result first, Wrk.Result deep) {
            this(username, follows, List.of(first), List.of(deep));
        }

        Wrk.Result first() {
            return Wrk.Result.median(firstRounds);
        }

        Wrk.Result deep() {
            return Wrk.Result.median(deepRounds);
        }
    }

    /** {@code POST /api/posts} by one author. */
    record PostCost(String username, long followers, Wrk.Result result) {
    }

    /** A burst of posts by one author: timeline entries written, and the time until their fan-out was done. */
    record FanOut(String author, long followers, int posts, long entriesWritten, double seconds) {

        long rowsPerSecond() {
            return seconds > 0 ? Math.round(entriesWritten / seconds) : 0;
        }
    }

    /** home_timelines on PostgreSQL (pg_total_relation_size: rows and indexes) against the posts beside it. */
    record Storage(long bytes, long entries, long posts) {

        double mbPerMillionPosts() {
            return posts > 0 ? bytes / 1048576.0 * 1_000_000 / posts : 0;
        }

        long bytesPerEntry() {
            return entries > 0 ? bytes / entries : 0;
        }
    }

    static final String NOT_AVAILABLE = "not available";

    private static String p99s(List<Wrk.Result> rounds) {
        return String.join(", ", rounds.stream().map(round -> String.format(Locale.ROOT, "%.1f", round.p99Ms())).toList());
    }

    /** The 5,000-follow viewer's p99 over the 35-follow viewer's, first page or deep; null if unmeasured. */
    Double ratio(boolean deep) {
        return ratio(deep, false);
    }

    /** As {@link #ratio(boolean)}, of the medians when {@code median}: what a busy machine disturbs least. */
    Double ratio(boolean deep, boolean median) {
        if (viewers.size() < 2) {
            return null;
        }
        Wrk.Result few = deep ? viewers.get(0).deep() : viewers.get(0).first();
        Wrk.Result many = deep ? viewers.get(viewers.size() - 1).deep() : viewers.get(viewers.size() - 1).first();
        double under = median ? few.p50Ms() : few.p99Ms();
        return under > 0 ? (median ? many.p50Ms() : many.p99Ms()) / under : null;
    }

    String markdown(String duration, int connections) {
        StringBuilder md = new StringBuilder();
        md.append("### Follow counts, a celebrity and the home timeline (issues 16 and 17)\n\n");
        md.append("Home timeline: ").append(timelines).append(".\n\n");
        md.append(String.format(Locale.ROOT,
                "| feed by follow count (wrk, %s, %d connections) | follows | requests/s | p50 ms | p99 ms | non-2xx |%n|---|---|---|---|---|---|%n",
                duration, connections));
        for (ViewerFeed viewer : viewers) {
            row(md, "`" + viewer.username() + "` first page", viewer.follows(), viewer.first());
            row(md, "`" + viewer.username() + "` 20 pages deep", viewer.follows(), viewer.deep());
        }
        int rounds = viewers.isEmpty() ? 0 : viewers.get(0).firstRounds().size();
        if (rounds > 1) {
            md.append(String.format(Locale.ROOT,
                    "%nEach figure is the median of %d rounds (the viewers in turn, then again). p99 ms of each round, first page / 20 deep:", rounds));
            for (ViewerFeed viewer : viewers) {
                md.append(" `").append(viewer.username()).append("` ")
                        .append(p99s(viewer.firstRounds())).append(" / ").append(p99s(viewer.deepRounds())).append(';');
            }
            md.setLength(md.length() - 1);
            md.append(".\n");
        }
        if (viewers.size() >= 2) {
            ViewerFeed few = viewers.get(0);
            ViewerFeed many = viewers.get(viewers.size() - 1);
            md.append(String.format(Locale.ROOT,
                    "%n**Feed p99, %d follows vs %d: first page %.1f / %.1f ms = %s, 20 pages deep %.1f / %.1f ms = %s** (target ≤ 1.5).%n",
                    many.follows(), few.follows(), many.first().p99Ms(), few.first().p99Ms(), ratioText(ratio(false)),
                    many.deep().p99Ms(), few.deep().p99Ms(), ratioText(ratio(true))));
            md.append(String.format(Locale.ROOT, "The same at the median (p50): first page %s, 20 pages deep %s.%n",
                    ratioText(ratio(false, true)), ratioText(ratio(true, true))));
        }
        md.append(String.format(Locale.ROOT,
                "%n| `POST /api/posts` (wrk, %s, %d connections) | followers | requests/s | p50 ms | p99 ms | non-2xx |%n|---|---|---|---|---|---|%n",
                duration, connections));
        row(md, "`" + celebrity.username() + "`", celebrity.followers(), celebrity.result());
        row(md, "`" + ordinary.username() + "` (an ordinary author)", ordinary.followers(), ordinary.result());
        md.append(String.format(Locale.ROOT, "%nCelebrity vs ordinary author, `POST /api/posts` p99: %s (target: the same within noise).%n%n",
                ratioText(ordinary.result().p99Ms() > 0 ? celebrity.result().p99Ms() / ordinary.result().p99Ms() : null)));
        md.append("| latency | n | p50 ms | p99 ms | max ms |\n|---|---|---|---|---|\n");
        md.append(String.format(Locale.ROOT,
                "| celebrity post 201 → `{\"type\":\"post\"}` on `/user/queue/feed`, %d followers connected (%d posts × %d) | %d | %s | %s | %s |%n",
                connected, pushPosts, connected, push.received(), push.p50(), push.p99(), push.max()));
        md.append(String.format(Locale.ROOT,
                "| celebrity post 201 → in a sampled follower's `GET /api/feed` (%d posts; target p99 ≤ 5 s) | %d | %s | %s | %s |%n%n",
                visiblePosts, visible.received(), visible.p50(), visible.p99(), visible.max()));
        if (fanOut == null) {
            md.append("Fan-out throughput: " + NOT_AVAILABLE + " (no home timeline).\n\n");
        } else {
            md.append(String.format(Locale.ROOT,
                    "Fan-out throughput: %d posts by `%s` (%d followers, the most-followed author below the popular threshold): %d timeline entries written in %.1f s until the fan-out drained, **%d rows/s**.%n%n",
                    fanOut.posts(), fanOut.author(), fanOut.followers(), fanOut.entriesWritten(), fanOut.seconds(),
                    fanOut.rowsPerSecond()));
        }
        if (storage == null) {
            md.append("Timeline table size: " + NOT_AVAILABLE + " (no home timeline).\n\n");
        } else {
            md.append(String.format(Locale.ROOT,
                    "Timeline table size: `home_timelines` %.1f MB (rows and indexes) for %d entries beside %d posts: **%.1f MB per million posts**, %d bytes per entry.%n%n",
                    storage.bytes() / 1048576.0, storage.entries(), storage.posts(), storage.mbPerMillionPosts(),
                    storage.bytesPerEntry()));
        }
        return md.toString();
    }

    /** The lines of {@code <size>.values} the summary's before/after table reads. */
    String values() {
        StringBuilder values = new StringBuilder();
        values.append("timelines=").append(fanOut == null && storage == null ? NOT_AVAILABLE : "available").append('\n');
        for (ViewerFeed viewer : viewers) {
            String key = viewer.username().replace("bench_", "");
            values.append(String.format(Locale.ROOT, "%s_follows=%d%n%s_first_p50=%.1f%n%s_first_p99=%.1f%n%s_deep_p50=%.1f%n%s_deep_p99=%.1f%n",
                    key, viewer.follows(), key, viewer.first().p50Ms(), key, viewer.first().p99Ms(), key,
                    viewer.deep().p50Ms(), key, viewer.deep().p99Ms()));
        }
        values.append(String.format(Locale.ROOT, "celebrity_post_p99=%.1f%nordinary_post_p99=%.1f%n",
                celebrity.result().p99Ms(), ordinary.result().p99Ms()));
        values.append("push_p99=").append(push.p99()).append("\npush_n=").append(push.received()).append('\n');
        values.append("visible_p99=").append(visible.p99()).append('\n');
        values.append("fanout_rows_per_s=").append(fanOut == null ? "n/a" : String.valueOf(fanOut.rowsPerSecond())).append('\n');
        values.append("timeline_mb_per_million_posts=")
                .append(storage == null ? "n/a" : String.format(Locale.ROOT, "%.1f", storage.mbPerMillionPosts())).append('\n');
        return values.toString();
    }

    private static void row(StringBuilder md, String label, long count, Wrk.Result figures) {
        md.append(String.format(Locale.ROOT, "| %s | %d | %d | %.1f | %.1f | %d |%n", label, count,
                figures.requestsPerSecond(), figures.p50Ms(), figures.p99Ms(), figures.non2xx()));
    }

    static String ratioText(Double ratio) {
        return ratio == null ? "n/a" : String.format(Locale.ROOT, "%.2f", ratio);
    }
}
