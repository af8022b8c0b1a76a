package io.bsocial.web.comment;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.bsocial.shared.security.SessionUser;
import io.bsocial.web.paging.Cursor;
import io.bsocial.web.paging.PageRequest;
import io.bsocial.web.post.PostService;
import io.bsocial.web.support.Htmx;
import io.bsocial.web.support.InvalidInputException;

/** The page of one post: the post, its comments oldest first with "Load more", and the comment form. */
@Controller
class DiscussionPageController {

    private final PostService posts;
    private final CommentService comments;

    DiscussionPageController(PostService posts, CommentService comments) {
        this.posts = posts;
        this.comments = comments;
    }

    @GetMapping("/posts/{id}")
    String show(@AuthenticationPrincipal SessionUser me, @PathVariable long id, Model model) {
        model.addAttribute("post", posts.visible(id, me));
        model.addAttribute("comments", comments.page(me, id, PageRequest.of(null, null, Cursor.OLDEST)));
        return "comment/discussion";
    }

    @GetMapping("/posts/{id}/comments/more")
    String more(@AuthenticationPrincipal SessionUser me, @PathVariable long id, @RequestParam String cursor,
            Model model) {
        model.addAttribute("comments", comments.page(me, id, PageRequest.of(null, cursor, Cursor.OLDEST)));
        model.addAttribute("postId", id);
        return "comment/more";
    }

    @PostMapping("/posts/{id}/comments")
    String create(@AuthenticationPrincipal SessionUser me, @PathVariable long id,
            @RequestParam(required = false) String content, HttpServletRequest request, Model model) {
        try {
            model.addAttribute("comment", comments.create(me, id, content));
        } catch (InvalidInputException invalid) {
            model.addAttribute("post", posts.visible(id, me));
            model.addAttribute("content", content);
            model.addAttribute("error", invalid.getMessage());
            return Htmx.isHtmx(request) ? "comment/fragments :: invalid" : show(me, id, model);
        }
        if (!Htmx.isHtmx(request)) {
            return "redirect:/posts/" + id;
        }
        model.addAttribute("post", posts.visible(id, me));
        return "comment/fragments :: created";
    }
}
