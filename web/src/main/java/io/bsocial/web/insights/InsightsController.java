package io.bsocial.web.insights;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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
import io.bsocial.web.post.PostRepository;

/**
 * The Insights page: logins per day, the last ten days' most commented posts and the viewer's own
 * best and worst post, from the indexer's stats API. The page draws them from
 * {@code /insights/data} (static/js/insights.js); posts the viewer may not see are not linked.
 */
@Controller
class InsightsController {

    static final int LOGIN_DAYS = 14;
    private static final int EXCERPT = 80;

    private final StatsClient stats;
    private final PostRepository posts;

    InsightsController(StatsClient stats, PostRepository posts) {
        this.stats = stats;
        this.posts = posts;
    }

    @GetMapping("/insights")
    String page() {
        return "insights/insights";
    }

    @GetMapping("/insights/data")
    @ResponseBody
    Insights data(@AuthenticationPrincipal SessionUser me) {
        LoginsPerDay logins = stats.loginsPerDay(LOGIN_DAYS);
        TopPostsPerDay top = stats.topPostsPerDay();
        TopAndWorst mine = stats.topAndWorst(me.id());

        List<Long> ids = top.days().stream().flatMap(day -> day.posts().stream()).map(PostComments::postId)
                .distinct().toList();
        Set<Long> visible = posts.visibleIds(ids, me.id());
        List<Insights.TopPostsDay> topPosts = new ArrayList<>();
        for (TopPostsPerDay.Day day : top.days()) {
            topPosts.add(new Insights.TopPostsDay(day.date(), day.posts().stream()
                    .map(p -> new Insights.TopPost(p.postId(), p.comments(),
                            visible.contains(p.postId()) ? "/posts/" + p.postId() : null))
                    .toList()));
        }
        return new Insights(logins.days(), topPosts, mine(mine.top(), me), mine(mine.worst(), me));
    }

    private Insights.MyPost mine(PostComments post, SessionUser me) {
        if (post == null) {
            return null;
        }
        String excerpt = posts.findVisible(post.postId(), me.id()).map(Post::content)
                .map(InsightsController::excerpt).orElse("");
        return new Insights.MyPost(post.postId(), post.comments(), "/posts/" + post.postId(), excerpt);
    }

    private static String excerpt(String text) {
        if (text.codePointCount(0, text.length()) <= EXCERPT) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, EXCERPT - 1)) + "…";
    }
}
