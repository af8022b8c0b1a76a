package io.bsocial.web.post.internal;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import io.bsocial.shared.security.SessionUser;
import io.bsocial.web.post.Post;
import io.bsocial.web.post.Posts;
import io.bsocial.web.support.Htmx;

/**
 * Editing and deleting one's own post in place, wherever its card is shown (feed, profile, its own
 * page). The rules are the service's, as for the API: a refusal is a problem document that the
 * page shows next to the form.
 */
@Controller
class PostPageController {

    private final Posts posts;

    PostPageController(Posts posts) {
        this.posts = posts;
    }

    @GetMapping("/posts/{id}/edit")
    String editor(@AuthenticationPrincipal SessionUser me, @PathVariable long id, Model model) {
        Post post = posts.authored(id, me);
        model.addAttribute("post", post);
        model.addAttribute("content", post.content());
        return "fragments/posts :: editCard";
    }

    /** The heart, liked: the button again with its count (htmx swaps it in place). */
    @PutMapping("/posts/{id}/like")
    String like(@AuthenticationPrincipal SessionUser me, @PathVariable long id, Model model) {
        posts.like(me, id);
        model.addAttribute("post", posts.visible(id, me));
        return "fragments/posts :: likeButton";
    }

    @DeleteMapping("/posts/{id}/like")
    String unlike(@AuthenticationPrincipal SessionUser me, @PathVariable long id, Model model) {
        posts.unlike(me, id);
        model.addAttribute("post", posts.visible(id, me));
        return "fragments/posts :: likeButton";
    }

    /** The card as it is: what Cancel puts back. */
    @GetMapping("/posts/{id}/card")
    String card(@AuthenticationPrincipal SessionUser me, @PathVariable long id, Model model) {
        model.addAttribute("post", posts.visible(id, me));
        return "fragments/posts :: card";
    }

    @PostMapping("/posts/{id}/edit")
    String edit(@AuthenticationPrincipal SessionUser me, @PathVariable long id,
            @RequestParam(required = false) String content, HttpServletRequest request, Model model) {
        model.addAttribute("post", posts.edit(me, id, content));
        return Htmx.isHtmx(request) ? "fragments/posts :: card" : "redirect:/posts/" + id;
    }

    /**
     * The card goes from the page (an empty answer replaces it). On the post's own page there is
     * nothing left to show: htmx is sent to the feed.
     */
    @DeleteMapping("/posts/{id}")
    @ResponseBody
    String delete(@AuthenticationPrincipal SessionUser me, @PathVariable long id, HttpServletRequest request,
            HttpServletResponse response) {
        posts.delete(me, id);
        if (isPageOf(request.getHeader("HX-Current-URL"), request.getContextPath() + "/posts/" + id)) {
            response.setHeader("HX-Redirect", request.getContextPath() + "/");
        }
        return "";
    }

    private static boolean isPageOf(String currentUrl, String postPath) {
        try {
            return currentUrl != null && postPath.equals(URI.create(currentUrl).getPath());
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }
}
