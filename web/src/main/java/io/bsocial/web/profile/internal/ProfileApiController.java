package io.bsocial.web.profile.internal;

import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.bsocial.shared.security.SessionUser;
import io.bsocial.web.paging.PageRequest;
import io.bsocial.web.profile.Profile;
import io.bsocial.web.support.InvalidInputException;
import io.bsocial.web.support.NotFoundException;
import io.bsocial.web.support.TextInput;

@RestController
class ProfileApiController {

    private final ProfileRepository profiles;

    ProfileApiController(ProfileRepository profiles) {
        this.profiles = profiles;
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

    record SearchResult(List<Profile> items) {
    }
}
