package io.bsocial.web.feed.internal;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.bsocial.shared.security.SessionUser;
import io.bsocial.web.insights.TrendingBox;
import io.bsocial.web.paging.Cursor;
import io.bsocial.web.paging.CursorPage;
import io.bsocial.web.paging.PageRequest;
import io.bsocial.web.post.Post;
import io.bsocial.web.post.Posts;
import io.bsocial.web.profile.Profiles;
import io.bsocial.web.support.Htmx;
import io.bsocial.web.support.InvalidInputException;

/**
 * The home page: the compose box, the feed with "Load more", and people to follow when it is empty.
 * A visitor who is not logged in sees the landing page there instead (SecurityConfig lets a plain
 * GET of {@code /} through).
 */
@Controller
class FeedPageController {

    private static final int SUGGESTIONS = 5;

    private final Posts posts;
    private final Profiles profiles;
    private final TrendingBox trending;

    FeedPageController(Posts posts, Profiles profiles, TrendingBox trending) {
        this.posts = posts;
        this.profiles = profiles;
        this.trending = trending;
    }

    @GetMapping("/")
    String feed(@AuthenticationPrincipal SessionUser me, Model model) {
        if (me == null) {
            return "landing";
        }
        CursorPage<Post> page = page(me, null);
        model.addAttribute("page", page);
        model.addAttribute("suggestions", profiles.suggestions(me.id(), SUGGESTIONS));
        // Drawn with the page when web knows it (the page's scripts then have less to do after it
        // is shown); otherwise the page asks for it (null).
        model.addAttribute("trending", trending.lastKnown().orElse(null));
        return "feed/feed";
    }

    @GetMapping("/feed/more")
    String more(@AuthenticationPrincipal SessionUser me, @RequestParam String cursor, Model model) {
        model.addAttribute("page", page(me, cursor));
        model.addAttribute("moreUrl", "/feed/more");
        return "feed/more";
    }

    /** The first page again, for the new-posts bar: what a followed person just posted, on top. */
    @GetMapping("/feed/latest")
    String latest(@AuthenticationPrincipal SessionUser me, Model model) {
        model.addAttribute("page", page(me, null));
        model.addAttribute("moreUrl", "/feed/more");
        return "feed/more";
    }

    @PostMapping("/posts")
    String create(@AuthenticationPrincipal SessionUser me, @RequestParam(required = false) String content,
            HttpServletRequest request, Model model) {
        try {
            model.addAttribute("post", posts.create(me, content));
        } catch (InvalidInputException invalid) {
            if (Htmx.isHtmx(request)) {
                throw invalid; // a problem document: the page says it next to the box, the text stays
            }
            model.addAttribute("content", content);
            model.addAttribute("error", invalid.getMessage());
            return feed(me, model);
        }
        return Htmx.isHtmx(request) ? "feed/created :: created" : "redirect:/";
    }

    /**
     * Asked by the compose box as the author types: the people the text mentions who would not see
     * the post (they do not follow its author), so that the author knows before posting.
     */
    @PostMapping("/posts/mention-check")
    String mentionCheck(@AuthenticationPrincipal SessionUser me, @RequestParam(required = false) String content,
            Model model) {
        String text = content == null ? "" : content;
        model.addAttribute("unseeing", text.length() > Posts.MAX_LENGTH * 2 ? java.util.List.of()
                : posts.unseeing(me.id(), text));
        return "feed/compose :: mentionWarning";
    }

    private CursorPage<Post> page(SessionUser me, String cursor) {
        PageRequest request = PageRequest.of(null, cursor, Cursor.NEWEST);
        return CursorPage.of(posts.feed(me.id(), request), request, Post::position);
    }
}
