package io.bsocial.web.profile.internal;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.bsocial.shared.security.SessionUser;
import io.bsocial.web.block.Blocks;
import io.bsocial.web.follow.FollowService;
import io.bsocial.web.paging.Cursor;
import io.bsocial.web.paging.CursorPage;
import io.bsocial.web.paging.PageRequest;
import io.bsocial.web.post.Post;
import io.bsocial.web.post.Posts;
import io.bsocial.web.profile.Profile;
import io.bsocial.web.support.Htmx;
import io.bsocial.web.support.NotFoundException;

/** Profile pages with the follow toggle and, when visible, the user's posts; the People search. */
@Controller
class ProfilePageController {

    private static final int PEOPLE_PER_SEARCH = 50;

    private final ProfileRepository profiles;
    private final Posts posts;
    private final FollowService follows;
    private final Blocks blocks;

    ProfilePageController(ProfileRepository profiles, Posts posts, FollowService follows, Blocks blocks) {
        this.blocks = blocks;
        this.profiles = profiles;
        this.posts = posts;
        this.follows = follows;
    }

    @GetMapping("/users/{username}")
    String profile(@AuthenticationPrincipal SessionUser me, @PathVariable String username, Model model) {
        Profile profile = find(username, me);
        model.addAttribute("profile", profile);
        model.addAttribute("stance", blocks.stance(me.id(), profile.id()));
        // The bio's @names link like a post's: to the accounts they name.
        model.addAttribute("bioMentions", profile.bio() == null ? java.util.List.of() : posts.mentionsIn(profile.bio()));
        model.addAttribute("posts", visiblePosts(profile, me, null));
        return "profile/profile";
    }

    @GetMapping("/users/{username}/posts/more")
    String morePosts(@AuthenticationPrincipal SessionUser me, @PathVariable String username,
            @RequestParam String cursor, Model model) {
        Profile profile = find(username, me);
        CursorPage<Post> page = visiblePosts(profile, me, cursor);
        model.addAttribute("page", page == null ? new CursorPage<Post>(java.util.List.of(), null) : page);
        model.addAttribute("moreUrl", "/users/" + profile.username() + "/posts/more");
        return "feed/more";
    }

    @PutMapping("/users/{username}/follow")
    String follow(@AuthenticationPrincipal SessionUser me, @PathVariable String username,
            HttpServletRequest request, Model model) {
        follows.follow(me, username);
        return toggled(me, username, request, model);
    }

    @DeleteMapping("/users/{username}/follow")
    String unfollow(@AuthenticationPrincipal SessionUser me, @PathVariable String username,
            HttpServletRequest request, Model model) {
        follows.unfollow(me, username);
        return toggled(me, username, request, model);
    }

    /** Who follows this person: a page of people, "Load more" for the next. */
    @GetMapping("/users/{username}/followers")
    String followers(@AuthenticationPrincipal SessionUser me, @PathVariable String username,
            @RequestParam(required = false) String cursor, HttpServletRequest request, Model model) {
        return followList(me, username, cursor, true, request, model);
    }

    /** Whom this person follows, the same way. */
    @GetMapping("/users/{username}/following")
    String following(@AuthenticationPrincipal SessionUser me, @PathVariable String username,
            @RequestParam(required = false) String cursor, HttpServletRequest request, Model model) {
        return followList(me, username, cursor, false, request, model);
    }

    private String followList(SessionUser me, String username, String cursor, boolean followers,
            HttpServletRequest request, Model model) {
        Profile profile = find(username, me);
        PageRequest page = PageRequest.of(null, cursor, Cursor.NEWEST);
        model.addAttribute("profile", profile);
        model.addAttribute("followers", followers);
        model.addAttribute("people", FollowLists.page(followers ? profiles.followers(profile.id(), me.id(), page)
                : profiles.following(profile.id(), me.id(), page), page));
        model.addAttribute("moreUrl", "/users/" + profile.username() + (followers ? "/followers" : "/following"));
        return Htmx.isHtmx(request) ? "profile/follow-list :: page" : "profile/follow-list";
    }

    @GetMapping("/people")
    String people(@AuthenticationPrincipal SessionUser me, @RequestParam(defaultValue = "") String q, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("people", profiles.search(q, me.id(), PEOPLE_PER_SEARCH));
        return "profile/people";
    }

    @GetMapping("/people/results")
    String peopleResults(@AuthenticationPrincipal SessionUser me, @RequestParam(defaultValue = "") String q,
            Model model) {
        model.addAttribute("people", profiles.search(q, me.id(), PEOPLE_PER_SEARCH));
        return "profile/people :: results";
    }

    /** The new button; on the profile page itself also the counts and the posts, which just changed. */
    private String toggled(SessionUser me, String username, HttpServletRequest request, Model model) {
        Profile profile = find(username, me);
        String trigger = Htmx.trigger(request);
        model.addAttribute("profile", profile);
        model.addAttribute("buttonId", trigger == null ? "follow-button" : trigger);
        model.addAttribute("posts", visiblePosts(profile, me, null));
        return "profile/profile :: toggled";
    }

    private Profile find(String username, SessionUser me) {
        return profiles.find(username, me.id()).orElseThrow(() -> new NotFoundException("No such user."));
    }

    /** Null when the viewer may not see this user's posts: the page then says to follow. */
    private CursorPage<Post> visiblePosts(Profile profile, SessionUser me, String cursor) {
        if (profile.id() != me.id() && !profile.followedByMe()) {
            return null;
        }
        PageRequest request = PageRequest.of(null, cursor, Cursor.NEWEST);
        return CursorPage.of(posts.byAuthor(profile.id(), me.id(), request), request, Post::position);
    }
}
