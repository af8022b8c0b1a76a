package io.bsocial.web.profile.internal;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.bsocial.shared.security.SessionUser;
import io.bsocial.web.paging.Cursor;
import io.bsocial.web.paging.CursorPage;
import io.bsocial.web.paging.PageRequest;
import io.bsocial.web.paging.PageResponses;
import io.bsocial.web.profile.Profile;
import io.bsocial.web.profile.Profiles;
import io.bsocial.web.support.InvalidInputException;
import io.bsocial.web.support.NotFoundException;
import io.bsocial.web.support.TextInput;

@RestController
class ProfileApiController {

    private final ProfileRepository profiles;
    private final Profiles suggested;

    ProfileApiController(ProfileRepository profiles, Profiles suggested) {
        this.profiles = profiles;
        this.suggested = suggested;
    }

    /** Users whose username or name starts with {@code q}; an empty {@code q} matches everyone. */
    @GetMapping("/api/users")
    SearchResult search(@AuthenticationPrincipal SessionUser me, @RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) String limit) {
        if (!TextInput.isAllowed(q, TextInput.Kind.SINGLE_LINE)) {
            throw new InvalidInputException("q", "q must not contain control characters.");
        }
        return new SearchResult(profiles.search(q, me.id(), PageRequest.limit(limit)));
    }

    @GetMapping("/api/users/{username}")
    Profile profile(@AuthenticationPrincipal SessionUser me, @PathVariable String username) {
        return profiles.find(username, me.id()).orElseThrow(() -> new NotFoundException("No such user."));
    }

    @GetMapping("/api/users/{username}/followers")
    ResponseEntity<CursorPage<Profile>> followers(@AuthenticationPrincipal SessionUser me, @PathVariable String username,
            @RequestParam(required = false) String limit, @RequestParam(required = false) String cursor) {
        Profile owner = profile(me, username);
        PageRequest page = PageRequest.of(limit, cursor, Cursor.NEWEST);
        return PageResponses.withNextLink(FollowLists.page(profiles.followers(owner.id(), me.id(), page), page));
    }

    @GetMapping("/api/users/{username}/following")
    ResponseEntity<CursorPage<Profile>> following(@AuthenticationPrincipal SessionUser me, @PathVariable String username,
            @RequestParam(required = false) String limit, @RequestParam(required = false) String cursor) {
        Profile owner = profile(me, username);
        PageRequest page = PageRequest.of(limit, cursor, Cursor.NEWEST);
        return PageResponses.withNextLink(FollowLists.page(profiles.following(owner.id(), me.id(), page), page));
    }

    /** Whom the caller blocked, newest first. */
    @GetMapping("/api/me/blocks")
    ResponseEntity<CursorPage<Profile>> blocks(@AuthenticationPrincipal SessionUser me,
            @RequestParam(required = false) String limit, @RequestParam(required = false) String cursor) {
        PageRequest page = PageRequest.of(limit, cursor, Cursor.NEWEST);
        return PageResponses.withNextLink(FollowLists.page(profiles.blocked(me.id(), page), page));
    }

    /** Whom the caller muted, newest first. */
    @GetMapping("/api/me/mutes")
    ResponseEntity<CursorPage<Profile>> mutes(@AuthenticationPrincipal SessionUser me,
            @RequestParam(required = false) String limit, @RequestParam(required = false) String cursor) {
        PageRequest page = PageRequest.of(limit, cursor, Cursor.NEWEST);
        return PageResponses.withNextLink(FollowLists.page(profiles.muted(me.id(), page), page));
    }

    /** People worth following, best first (Profiles.suggestions). */
    @GetMapping("/api/suggestions")
    SearchResult suggestions(@AuthenticationPrincipal SessionUser me, @RequestParam(required = false) String limit) {
        return new SearchResult(suggested.suggestions(me.id(), PageRequest.limit(limit)));
    }

    record SearchResult(List<Profile> items) {
    }
}
