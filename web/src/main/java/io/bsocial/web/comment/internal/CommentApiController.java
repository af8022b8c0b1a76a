package io.bsocial.web.comment.internal;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.bsocial.shared.security.SessionUser;
import io.bsocial.web.post.Posts;
import io.bsocial.web.paging.Cursor;
import io.bsocial.web.paging.CursorPage;
import io.bsocial.web.paging.PageRequest;
import io.bsocial.web.paging.PageResponses;
import io.bsocial.web.support.ContentRequest;

@RestController
class CommentApiController {

    private final CommentService comments;

    CommentApiController(CommentService comments) {
        this.comments = comments;
    }

    @PostMapping(path = "/api/posts/{id}/comments", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Comment> create(@AuthenticationPrincipal SessionUser me, @PathVariable long id,
            @RequestBody NewComment body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(comments.create(me, id, body.content(), body.parentId()));
    }

    /** A comment as sent: {@code parentId}, when present, makes it a reply to that comment of the post. */
    record NewComment(String content, Long parentId) {
    }

    @GetMapping("/api/posts/{id}/comments")
    ResponseEntity<CursorPage<Comment>> list(@AuthenticationPrincipal SessionUser me, @PathVariable long id,
            @RequestParam(required = false) String limit, @RequestParam(required = false) String cursor) {
        return PageResponses.withNextLink(comments.page(me, id, PageRequest.of(limit, cursor, Cursor.OLDEST)));
    }

    @PatchMapping(path = "/api/posts/{id}/comments/{commentId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Comment edit(@AuthenticationPrincipal SessionUser me, @PathVariable long id, @PathVariable long commentId,
            @RequestBody ContentRequest body) {
        return comments.edit(me, id, commentId, body.content());
    }

    @PutMapping("/api/posts/{id}/comments/{commentId}/like")
    Posts.Likes like(@AuthenticationPrincipal SessionUser me, @PathVariable long id, @PathVariable long commentId) {
        return comments.like(me, id, commentId);
    }

    @DeleteMapping("/api/posts/{id}/comments/{commentId}/like")
    Posts.Likes unlike(@AuthenticationPrincipal SessionUser me, @PathVariable long id, @PathVariable long commentId) {
        return comments.unlike(me, id, commentId);
    }

    @DeleteMapping("/api/posts/{id}/comments/{commentId}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal SessionUser me, @PathVariable long id,
            @PathVariable long commentId) {
        comments.delete(me, id, commentId);
        return ResponseEntity.noContent().build();
    }
}
