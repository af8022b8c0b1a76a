package io.bsocial.web.tag.internal;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.UriUtils;

import io.bsocial.shared.security.SessionUser;
import io.bsocial.web.paging.Cursor;
import io.bsocial.web.paging.CursorPage;
import io.bsocial.web.paging.PageRequest;
import io.bsocial.web.paging.PageResponses;
import io.bsocial.web.post.Post;
import io.bsocial.web.post.Posts;
import io.bsocial.web.reading.Hashtags;
import io.bsocial.web.support.InvalidInputException;

/**
 * A tag's posts, as JSON and as a page. The tag in the URL is compared as the posts' tags are
 * (NFKC, lower case), with or without its {@code #}; anything that is not a tag is a 400.
 */
@Controller
class TagPages {

    private final Posts posts;

    TagPages(Posts posts) {
        this.posts = posts;
    }

    @GetMapping("/api/tags/{tag}/posts")
    @ResponseBody
    ResponseEntity<CursorPage<Post>> api(@AuthenticationPrincipal SessionUser me, @PathVariable String tag,
            @RequestParam(required = false) String limit, @RequestParam(required = false) String cursor) {
        String normalised = parse(tag);
        PageRequest page = PageRequest.of(limit, cursor, Cursor.NEWEST);
        return PageResponses.withNextLink(CursorPage.of(posts.tagged(normalised, me.id(), page), page, Post::position));
    }

    @GetMapping("/tags/{tag}")
    String page(@AuthenticationPrincipal SessionUser me, @PathVariable String tag, Model model) {
        String normalised = parse(tag);
        model.addAttribute("tag", normalised);
        model.addAttribute("page", postsOf(me, normalised, null));
        model.addAttribute("moreUrl", moreUrl(normalised));
        return "tag/tag";
    }

    @GetMapping("/tags/{tag}/more")
    String more(@AuthenticationPrincipal SessionUser me, @PathVariable String tag, @RequestParam String cursor,
            Model model) {
        String normalised = parse(tag);
        model.addAttribute("page", postsOf(me, normalised, cursor));
        model.addAttribute("moreUrl", moreUrl(normalised));
        return "feed/more";
    }

    private CursorPage<Post> postsOf(SessionUser me, String tag, String cursor) {
        PageRequest request = PageRequest.of(null, cursor, Cursor.NEWEST);
        return CursorPage.of(posts.tagged(tag, me.id(), request), request, Post::position);
    }

    private static String moreUrl(String tag) {
        return "/tags/" + UriUtils.encodePathSegment(tag, StandardCharsets.UTF_8) + "/more";
    }

    private static String parse(String tag) {
        return Hashtags.parse(tag).orElseThrow(() -> new InvalidInputException("tag",
                "A tag is a letter, then letters, digits or _ (at most " + Hashtags.MAX_LENGTH + ")."));
    }
}
