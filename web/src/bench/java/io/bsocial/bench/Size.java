package io.bsocial.bench;

/** The two data sets the benchmarks run on: the same shape, a hundred times apart. */
enum Size {

    SMALL(1_000, 10_000, 20_000, 30_000),
    LARGE(100_000, 1_000_000, 2_000_000, 3_000_000);

    private final long users;
    private final long posts;
    private final long follows;
    private final long comments;

    Size(long users, long posts, long follows, long comments) {
        this.users = users;
        this.posts = posts;
        this.follows = follows;
        this.comments = comments;
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
