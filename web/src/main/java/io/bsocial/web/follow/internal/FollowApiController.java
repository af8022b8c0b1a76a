package io.bsocial.web.follow.internal;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

import io.bsocial.shared.security.SessionUser;
import io.bsocial.web.follow.FollowService;

@RestController
class FollowApiController {

    private final FollowService follows;

    FollowApiController(FollowService follows) {
        this.follows = follows;
    }

    @PutMapping("/api/users/{username}/follow")
    ResponseEntity<Void> follow(@AuthenticationPrincipal SessionUser me, @PathVariable String username) {
        follows.follow(me, username);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/api/users/{username}/follow")
    ResponseEntity<Void> unfollow(@AuthenticationPrincipal SessionUser me, @PathVariable String username) {
        follows.unfollow(me, username);
        return ResponseEntity.noContent().build();
    }
}
