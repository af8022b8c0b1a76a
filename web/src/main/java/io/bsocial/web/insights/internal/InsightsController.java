package io.bsocial.web.insights.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

import io.bsocial.shared.security.SessionUser;
import io.bsocial.shared.stats.StatsAnswers.LoginsPerDay;
import io.bsocial.shared.stats.StatsAnswers.PostComments;
import io.bsocial.shared.stats.StatsAnswers.TopAndWorst;
import io.bsocial.shared.stats.StatsAnswers.TopPostsPerDay;
import io.bsocial.web.post.Post;
import io.bsocial.web.post.Posts;
import io.bsocial.web.reading.Excerpts;

/**
 * The Insights page: the tags trending now, logins per day, the last ten days' most commented posts and the viewer's own
 * best and worst post, from the indexer's stats API. The page draws them from
 * {@code /insights/data} (static/js/insights.js); posts the viewer may not see are not named.
 */
@Controller
class InsightsController {

    /** The top-posts query covers ten days (queries/top-posts-per-day.json): logins cover the same. */
    static final int DAYS = 10;
    private static final int EXCERPT = 80;
    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);

    private final StatsClient stats;
    private final Posts posts;
    private final Trending trending;

    InsightsController(StatsClient stats, Posts posts, Trending trending) {
        this.stats = stats;
        this.posts = posts;
        this.trending = trending;
    }

    @GetMapping("/insights")
    String page() {
        return "insights/insights";
    }

    @GetMapping("/insights/data")
    @ResponseBody
    Insights data(@AuthenticationPrincipal SessionUser me) {
        LoginsPerDay logins = stats.loginsPerDay(DAYS);
        TopPostsPerDay top = stats.topPostsPerDay();
        TopAndWorst mine = stats.topAndWorst(me.id());

        // The two answers are computed a moment apart (and may straddle midnight): chart both over
        // every day either names, a missing day counting zero.
        TreeSet<String> days = new TreeSet<>();
        logins.days().forEach(day -> days.add(day.date()));
        top.days().forEach(day -> days.add(day.date()));
        Map<String, Long> users = logins.days().stream()
                .collect(Collectors.toMap(LoginsPerDay.Day::date, LoginsPerDay.Day::users, Long::sum));
        Map<String, List<PostComments>> topByDay = top.days().stream()
                .collect(Collectors.toMap(TopPostsPerDay.Day::date, TopPostsPerDay.Day::posts, (a, b) -> a));

        List<Long> ids = top.days().stream().flatMap(day -> day.posts().stream()).map(PostComments::postId)
                .distinct().toList();
        Map<Long, String> visible = posts.visibleContents(ids, me.id());

        return new Insights(
                days.stream().map(date -> new Insights.LoginsDay(date, label(date), users.getOrDefault(date, 0L)))
                        .toList(),
                days.stream().map(date -> topPosts(date, topByDay.getOrDefault(date, List.of()), visible)).toList(),
                mine(mine.top(), me), mine(mine.worst(), me), trending.now().orElse(null));
    }

    /**
     * The day's top posts the viewer may open, named by their opening words. The others are only
     * counted: their ids and comment counts are the indexer's, about posts this viewer may not see.
     */
    private static Insights.TopPostsDay topPosts(String date, List<PostComments> top, Map<Long, String> visible) {
        List<Insights.TopPost> shown = top.stream().filter(post -> visible.containsKey(post.postId()))
                .map(post -> new Insights.TopPost(post.postId(), post.comments(), "/posts/" + post.postId(),
                        Excerpts.opening(visible.get(post.postId()), EXCERPT)))
                .toList();
        return new Insights.TopPostsDay(date, label(date), shown, top.size() - shown.size());
    }

    /** "Nov 29"; a date the indexer wrote in another form is shown as it came. */
    static String label(String date) {
        try {
            return LABEL.format(LocalDate.parse(date));
        } catch (java.time.format.DateTimeParseException notADate) {
            return date;
        }
    }

    private Insights.MyPost mine(PostComments post, SessionUser me) {
        if (post == null) {
            return null;
        }
        String excerpt = posts.findVisible(post.postId(), me.id()).map(Post::content)
                .map(text -> Excerpts.opening(text, EXCERPT)).orElse("");
        return new Insights.MyPost(post.postId(), post.comments(), "/posts/" + post.postId(), excerpt);
    }
}
