package io.bsocial.web.comment.internal;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

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
import io.bsocial.web.post.Post;
import io.bsocial.web.post.Posts;
import io.bsocial.web.support.Htmx;
import io.bsocial.web.support.InvalidInputException;
import io.bsocial.web.support.NotFoundException;

/**
 * The page of one post: the post, its comments oldest first with "Load more" (and "Load earlier
 * comments" when opened at one comment), and the comment form.
 */
@Controller
class DiscussionPageController {

    private final Posts posts;
    private final CommentService comments;

    DiscussionPageController(Posts posts, CommentService comments) {
        this.posts = posts;
        this.comments = comments;
    }

    /**
     * {@code ?comment=<id>} (a notification's link, with {@code #comment-<id>}) opens the list at
     * that comment, highlighted, with "Load earlier comments" above it when it has predecessors.
     */
    @GetMapping("/posts/{id}")
    String show(@AuthenticationPrincipal SessionUser me, @PathVariable long id,
            @RequestParam(name = "comment", required = false) Long commentId, Model model,
            HttpServletResponse response) {
        Post post;
        try {
            post = posts.visible(id, me);
        } catch (NotFoundException gone) {
            // A post deleted since its link was shown (or hidden by now): a page that says so, still a 404.
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "comment/gone";
        }
        model.addAttribute("post", post);
        Discussion discussion = comments.discussion(me, id, commentId);
        model.addAttribute("comments", discussion.comments());
        model.addAttribute("earlierCursor", discussion.earlierCursor());
        model.addAttribute("targetCommentId", discussion.targetId());
        return "comment/discussion";
    }

    @GetMapping("/posts/{id}/comments/earlier")
    String earlier(@AuthenticationPrincipal SessionUser me, @PathVariable long id, @RequestParam String cursor,
            Model model) {
        model.addAttribute("comments", comments.earlier(me, id, PageRequest.of(null, cursor, Cursor.NEWEST)));
        model.addAttribute("postId", id);
        return "comment/earlier";
    }

    @GetMapping("/posts/{id}/comments/more")
    String more(@AuthenticationPrincipal SessionUser me, @PathVariable long id, @RequestParam String cursor,
            Model model) {
        model.addAttribute("comments", comments.threads(me, id, PageRequest.of(null, cursor, Cursor.OLDEST)));
        model.addAttribute("postId", id);
        return "comment/more";
    }

    @PostMapping("/posts/{id}/comments")
    String create(@AuthenticationPrincipal SessionUser me, @PathVariable long id,
            @RequestParam(required = false) String content, @RequestParam(required = false) Long parentId,
            HttpServletRequest request, Model model, HttpServletResponse response) {
        try {
            Comment comment = comments.create(me, id, content, parentId);
            model.addAttribute("comment", comment);
            model.addAttribute("newThread", new CommentThread(comment, List.of()));
        } catch (InvalidInputException invalid) {
            if (Htmx.isHtmx(request)) {
                throw invalid; // a problem document: the page says it next to the box, the text stays
            }
            model.addAttribute("content", content);
            model.addAttribute("error", invalid.getMessage());
            return show(me, id, parentId, model, response);
        }
        if (!Htmx.isHtmx(request)) {
            return "redirect:/posts/" + id;
        }
        model.addAttribute("post", posts.visible(id, me));
        return parentId == null ? "comment/fragments :: created" : "comment/fragments :: createdReply";
    }
}
