package io.bsocial.web.post.internal;

import java.net.URI;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.bsocial.shared.security.SessionUser;
import io.bsocial.web.post.Post;
import io.bsocial.web.post.Posts;
import io.bsocial.web.support.ContentRequest;

@RestController
class PostApiController {

    private final Posts posts;

    PostApiController(Posts posts) {
        this.posts = posts;
    }

    @PostMapping(path = "/api/posts", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Post> create(@AuthenticationPrincipal SessionUser me, @RequestBody ContentRequest body) {
        Post post = posts.create(me, body.content());
        return ResponseEntity.created(URI.create("/api/posts/" + post.id())).body(post);
    }

    @GetMapping("/api/posts/{id}")
    Post show(@AuthenticationPrincipal SessionUser me, @PathVariable long id) {
        return posts.visible(id, me);
    }

    @PatchMapping(path = "/api/posts/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Post edit(@AuthenticationPrincipal SessionUser me, @PathVariable long id, @RequestBody ContentRequest body) {
        return posts.edit(me, id, body.content());
    }

    @PutMapping("/api/posts/{id}/like")
    Posts.Likes like(@AuthenticationPrincipal SessionUser me, @PathVariable long id) {
        return posts.like(me, id);
    }

    @DeleteMapping("/api/posts/{id}/like")
    Posts.Likes unlike(@AuthenticationPrincipal SessionUser me, @PathVariable long id) {
        return posts.unlike(me, id);
    }

    @DeleteMapping("/api/posts/{id}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal SessionUser me, @PathVariable long id) {
        posts.delete(me, id);
        return ResponseEntity.noContent().build();
    }
}
