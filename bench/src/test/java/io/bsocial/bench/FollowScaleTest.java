package io.bsocial.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class FollowScaleTest {

    static List<FollowScale.ViewerFeed> viewers() {
        return List.of(
                new FollowScale.ViewerFeed("bench_f35", 35, new Wrk.Result(600, 20.0, 50.0, 0), new Wrk.Result(610, 19.0, 48.0, 0)),
                new FollowScale.ViewerFeed("bench_f500", 500, new Wrk.Result(300, 40.0, 90.0, 0), new Wrk.Result(290, 41.0, 95.0, 0)),
                new FollowScale.ViewerFeed("bench_f2000", 2000, new Wrk.Result(100, 120.0, 200.0, 0), new Wrk.Result(90, 130.0, 210.0, 0)),
                new FollowScale.ViewerFeed("bench_f5000", 5000, new Wrk.Result(40, 300.0, 400.0, 2), new Wrk.Result(35, 320.0, 480.0, 0)));
    }

    /** What a run on a web without the home timeline gives: no fan-out, no table. */
    static FollowScale beforeTheTimeline() {
        return new FollowScale("not available (`GET /actuator/timelines` answered 404)", viewers(),
                new FollowScale.PostCost("bench_celebrity", 100_000, new Wrk.Result(380, 38.0, 110.0, 0)),
                new FollowScale.PostCost("bench_501", 18, new Wrk.Result(400, 37.0, 100.0, 0)), 200, 30,
                new Latencies(6000, 12.0, 80.5, 120.0), 50, new Latencies(50, 30.0, 60.0, 61.0), null, null);
    }

    @Test
    void beforeTheTimelineTheTablesAreThereAndTheTimelineFiguresSayNotAvailable() {
        assertThat(beforeTheTimeline().markdown("15s", 16)).isEqualTo("""
                ### Follow counts, a celebrity and the home timeline (issues 16 and 17)

                Home timeline: not available (`GET /actuator/timelines` answered 404).

                | feed by follow count (wrk, 15s, 16 connections) | follows | requests/s | p50 ms | p99 ms | non-2xx |
                |---|---|---|---|---|---|
                | `bench_f35` first page | 35 | 600 | 20.0 | 50.0 | 0 |
                | `bench_f35` 20 pages deep | 35 | 610 | 19.0 | 48.0 | 0 |
                | `bench_f500` first page | 500 | 300 | 40.0 | 90.0 | 0 |
                | `bench_f500` 20 pages deep | 500 | 290 | 41.0 | 95.0 | 0 |
                | `bench_f2000` first page | 2000 | 100 | 120.0 | 200.0 | 0 |
                | `bench_f2000` 20 pages deep | 2000 | 90 | 130.0 | 210.0 | 0 |
                | `bench_f5000` first page | 5000 | 40 | 300.0 | 400.0 | 2 |
                | `bench_f5000` 20 pages deep | 5000 | 35 | 320.0 | 480.0 | 0 |

                **Feed p99, 5000 follows vs 35: first page 400.0 / 50.0 ms = 8.00, 20 pages deep 480.0 / 48.0 ms = 10.00** (target ≤ 1.5).
                The same at the median (p50): first page 15.00, 20 pages deep 16.84.

                | `POST /api/posts` (wrk, 15s, 16 connections) | followers | requests/s | p50 ms | p99 ms | non-2xx |
                |---|---|---|---|---|---|
                | `bench_celebrity` | 100000 | 380 | 38.0 | 110.0 | 0 |
                | `bench_501` (an ordinary author) | 18 | 400 | 37.0 | 100.0 | 0 |

                Celebrity vs ordinary author, `POST /api/posts` p99: 1.10 (target: the same within noise).

                | latency | n | p50 ms | p99 ms | max ms |
                |---|---|---|---|---|
                | celebrity post 201 → `{"type":"post"}` on `/user/queue/feed`, 200 followers connected (30 posts × 200) | 6000 | 12.0 | 80.5 | 120.0 |
                | celebrity post 201 → in a sampled follower's `GET /api/feed` (50 posts; target p99 ≤ 5 s) | 50 | 30.0 | 60.0 | 61.0 |

                Fan-out throughput: not available (no home timeline).

                Timeline table size: not available (no home timeline).

                """);
    }

    @Test
    void withTheTimelineFanOutAndStorageAreFigures() {
        FollowScale before = beforeTheTimeline();
        FollowScale after = new FollowScale("available", before.viewers(), before.celebrity(), before.ordinary(), 200, 30,
                before.push(), 50, before.visible(), new FollowScale.FanOut("bench_7", 5000, 100, 500_000, 12.5),
                new FollowScale.Storage(150L * 1048576, 2_000_000, 1_000_000));

        assertThat(after.markdown("15s", 16))
                .contains("Fan-out throughput: 100 posts by `bench_7` (5000 followers, the most-followed author below the"
                        + " popular threshold): 500000 timeline entries written in 12.5 s until the fan-out drained, **40000 rows/s**.")
                .contains("Timeline table size: `home_timelines` 150.0 MB (rows and indexes) for 2000000 entries beside"
                        + " 1000000 posts: **150.0 MB per million posts**, 78 bytes per entry.");
        assertThat(after.values()).startsWith("timelines=available\n").contains("fanout_rows_per_s=40000\n")
                .endsWith("timeline_mb_per_million_posts=150.0\n");
    }

    @Test
    void valuesCarryEveryFigureOfTheBeforeAndAfterTable() {
        assertThat(beforeTheTimeline().values()).isEqualTo("""
                timelines=not available
                f35_follows=35
                f35_first_p50=20.0
                f35_first_p99=50.0
                f35_deep_p50=19.0
                f35_deep_p99=48.0
                f500_follows=500
                f500_first_p50=40.0
                f500_first_p99=90.0
                f500_deep_p50=41.0
                f500_deep_p99=95.0
                f2000_follows=2000
                f2000_first_p50=120.0
                f2000_first_p99=200.0
                f2000_deep_p50=130.0
                f2000_deep_p99=210.0
                f5000_follows=5000
                f5000_first_p50=300.0
                f5000_first_p99=400.0
                f5000_deep_p50=320.0
                f5000_deep_p99=480.0
                celebrity_post_p99=110.0
                ordinary_post_p99=100.0
                push_p99=80.5
                push_n=6000
                visible_p99=60.0
                fanout_rows_per_s=n/a
                timeline_mb_per_million_posts=n/a
                """);
    }

    @Test
    void ratiosNeedTwoViewersAndAMeasuredFewFollowsViewer() {
        FollowScale before = beforeTheTimeline();
        assertThat(before.ratio(false)).isEqualTo(8.0);
        assertThat(before.ratio(true)).isEqualTo(10.0);
        assertThat(before.ratio(false, true)).isEqualTo(15.0);

        FollowScale one = new FollowScale("x", before.viewers().subList(0, 1), before.celebrity(), before.ordinary(), 0, 0,
                Latencies.NONE, 0, Latencies.NONE, null, null);
        assertThat(one.ratio(false)).isNull();
        assertThat(one.markdown("15s", 16)).doesNotContain("**Feed p99")
                .contains("| celebrity post 201 → `{\"type\":\"post\"}` on `/user/queue/feed`, 0 followers connected (0 posts × 0) | 0 | n/a | n/a | n/a |");
    }

    @Test
    void aSizeCapsItsViewersAtTheUsersItHas() {
        assertThat(Size.LARGE.viewerFollows()).containsExactly(35, 500, 2000, 5000);
        assertThat(Size.SMALL.viewerFollows()).containsExactly(35, 200, 500, 900)
                .allMatch(follows -> follows <= Size.SMALL.users() - 100);
        assertThat(Size.VIEWERS).hasSize(Size.LARGE.viewerFollows().size());
    }

    @Test
    void aViewersFiguresAreTheMediansOfItsRoundsAndEveryRoundIsShown() {
        FollowScale.ViewerFeed viewer = new FollowScale.ViewerFeed("bench_f35", 35,
                List.of(new Wrk.Result(900, 15.0, 60.0, 0), new Wrk.Result(700, 20.0, 280.0, 1), new Wrk.Result(950, 14.0, 58.0, 0)),
                List.of(new Wrk.Result(1000, 13.0, 50.0, 0), new Wrk.Result(980, 14.0, 55.0, 0), new Wrk.Result(990, 13.5, 140.0, 0)));

        assertThat(viewer.first()).isEqualTo(new Wrk.Result(900, 15.0, 60.0, 1));
        assertThat(viewer.deep()).isEqualTo(new Wrk.Result(990, 13.5, 55.0, 0));
        FollowScale before = beforeTheTimeline();
        String md = new FollowScale(before.timelines(), List.of(viewer, viewer), before.celebrity(), before.ordinary(),
                before.connected(), before.pushPosts(), before.push(), before.visiblePosts(), before.visible(), null, null)
                .markdown("15s", 16);
        assertThat(md).contains("median of 3 rounds").contains("`bench_f35` 60.0, 280.0, 58.0 / 50.0, 55.0, 140.0");
    }
}
