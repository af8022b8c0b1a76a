package io.bsocial.web.block.internal;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

import io.bsocial.shared.security.SessionUser;
import io.bsocial.web.block.BlockService;

/** {@code PUT}/{@code DELETE /api/users/{username}/block} and {@code /mute}: 204, idempotent. */
@RestController
class BlockApiController {

    private final BlockService relations;

    BlockApiController(BlockService relations) {
        this.relations = relations;
    }

    @PutMapping("/api/users/{username}/block")
    ResponseEntity<Void> block(@AuthenticationPrincipal SessionUser me, @PathVariable String username) {
        relations.block(me, username);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/api/users/{username}/block")
    ResponseEntity<Void> unblock(@AuthenticationPrincipal SessionUser me, @PathVariable String username) {
        relations.unblock(me, username);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/api/users/{username}/mute")
    ResponseEntity<Void> mute(@AuthenticationPrincipal SessionUser me, @PathVariable String username) {
        relations.mute(me, username);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/api/users/{username}/mute")
    ResponseEntity<Void> unmute(@AuthenticationPrincipal SessionUser me, @PathVariable String username) {
        relations.unmute(me, username);
        return ResponseEntity.noContent().build();
    }
}
