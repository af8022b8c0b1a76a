package io.bsocial.web.comment.internal;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.bsocial.shared.security.SessionUser;
import io.bsocial.web.post.Posts;
import io.bsocial.web.support.Htmx;

/** Editing and deleting one's own comment in place on a post's page (see PostPageController). */
@Controller
class CommentPageController {

    private final Posts posts;
    private final CommentService comments;

    CommentPageController(Posts posts, CommentService comments) {
        this.posts = posts;
        this.comments = comments;
    }

    @GetMapping("/posts/{id}/comments/{commentId}/edit")
    String editor(@AuthenticationPrincipal SessionUser me, @PathVariable long id, @PathVariable long commentId,
            Model model) {
        Comment comment = comments.authored(me, id, commentId);
        model.addAttribute("comment", comment);
        model.addAttribute("content", comment.content());
        return "comment/fragments :: editItem";
    }

    /** The comment as it is: what Cancel puts back. */
    @GetMapping("/posts/{id}/comments/{commentId}")
    String item(@AuthenticationPrincipal SessionUser me, @PathVariable long id, @PathVariable long commentId,
            Model model) {
        model.addAttribute("comment", comments.visible(me, id, commentId));
        return "comment/fragments :: item";
    }

    @PostMapping("/posts/{id}/comments/{commentId}/edit")
    String edit(@AuthenticationPrincipal SessionUser me, @PathVariable long id, @PathVariable long commentId,
            @RequestParam(required = false) String content, HttpServletRequest request, Model model) {
        model.addAttribute("comment", comments.edit(me, id, commentId, content));
        return Htmx.isHtmx(request) ? "comment/fragments :: item" : "redirect:/posts/" + id;
    }

    /** The box to answer a comment (or a reply), opened below its thread. */
    @GetMapping("/posts/{id}/comments/{commentId}/reply")
    String replyBox(@AuthenticationPrincipal SessionUser me, @PathVariable long id, @PathVariable long commentId,
            Model model) {
        model.addAttribute("answered", comments.visible(me, id, commentId));
        return "comment/fragments :: replyForm";
    }

    /** The comment's heart, liked: the button again with its count (htmx swaps it in place). */
    @PutMapping("/posts/{id}/comments/{commentId}/like")
    String like(@AuthenticationPrincipal SessionUser me, @PathVariable long id, @PathVariable long commentId,
            Model model) {
        comments.like(me, id, commentId);
        model.addAttribute("comment", comments.visible(me, id, commentId));
        return "comment/fragments :: likeButton";
    }

    @DeleteMapping("/posts/{id}/comments/{commentId}/like")
    String unlike(@AuthenticationPrincipal SessionUser me, @PathVariable long id, @PathVariable long commentId,
            Model model) {
        comments.unlike(me, id, commentId);
        model.addAttribute("comment", comments.visible(me, id, commentId));
        return "comment/fragments :: likeButton";
    }

    /**
     * The comment goes (an empty answer replaces it); its post's count follows out of band, and so
     * does its thread's place when it took its replies with it.
     */
    @DeleteMapping("/posts/{id}/comments/{commentId}")
    String delete(@AuthenticationPrincipal SessionUser me, @PathVariable long id, @PathVariable long commentId,
            Model model) {
        boolean topLevel = comments.find(me, id, commentId).map(comment -> !comment.isReply()).orElse(false);
        comments.delete(me, id, commentId);
        model.addAttribute("threadGone", topLevel ? commentId : null);
        model.addAttribute("post", posts.visible(id, me));
        return "comment/fragments :: deleted";
    }
}
