package io.bsocial.bench;

import java.util.List;

/**
 * The two data sets the benchmarks run on: the same shape, a hundred times apart. Each also has
 * viewers who follow more and more people (issue 17): 35, 500, 2,000 and 5,000 at large; the small
 * set has only 1,000 users to follow, so its viewers stop at 35, 200, 500 and 900.
 */
enum Size {

    SMALL(1_000, 10_000, 20_000, 30_000, List.of(35, 200, 500, 900)),
    LARGE(100_000, 1_000_000, 2_000_000, 3_000_000, List.of(35, 500, 2_000, 5_000));

    /** The viewers' names in load.sql, in the order of {@link #viewerFollows()}. */
    static final List<String> VIEWERS = List.of("bench_f35", "bench_f500", "bench_f2000", "bench_f5000");

    private final long users;
    private final long posts;
    private final long follows;
    private final long comments;
    private final List<Integer> viewerFollows;

    Size(long users, long posts, long follows, long comments, List<Integer> viewerFollows) {
        this.users = users;
        this.posts = posts;
        this.follows = follows;
        this.comments = comments;
        this.viewerFollows = viewerFollows;
    }

    /** How many people bench_f35, bench_f500, bench_f2000 and bench_f5000 follow in this data set. */
    List<Integer> viewerFollows() {
        return viewerFollows;
    }

    String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    long users() {
        return users;
    }

    long posts() {
        return posts;
    }

    long follows() {
        return follows;
    }

    long comments() {
        return comments;
    }
}
