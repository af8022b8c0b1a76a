package io.bsocial.web.feed.internal;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.bsocial.shared.security.SessionUser;
import io.bsocial.web.paging.Cursor;
import io.bsocial.web.paging.CursorPage;
import io.bsocial.web.paging.PageRequest;
import io.bsocial.web.paging.PageResponses;
import io.bsocial.web.post.Post;
import io.bsocial.web.post.Posts;

@RestController
class FeedApiController {

    private final Posts posts;

    FeedApiController(Posts posts) {
        this.posts = posts;
    }

    @GetMapping("/api/feed")
    ResponseEntity<CursorPage<Post>> feed(@AuthenticationPrincipal SessionUser me,
            @RequestParam(required = false) String limit, @RequestParam(required = false) String cursor) {
        PageRequest page = PageRequest.of(limit, cursor, Cursor.NEWEST);
        return PageResponses.withNextLink(CursorPage.of(posts.feed(me.id(), page), page, Post::position));
    }
}
