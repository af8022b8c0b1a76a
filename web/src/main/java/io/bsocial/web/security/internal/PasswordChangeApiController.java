package io.bsocial.web.security.internal;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.bsocial.shared.security.SessionUser;

/** {@code POST /api/me/password}: 204, and every other session, token and device cookie ends ({@link PasswordChanges}). */
@RestController
class PasswordChangeApiController {

    private final PasswordChanges passwords;

    PasswordChangeApiController(PasswordChanges passwords) {
        this.passwords = passwords;
    }

    @PostMapping(path = "/api/me/password", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> change(@AuthenticationPrincipal SessionUser me, @RequestBody PasswordChangeRequest change,
            HttpServletRequest request) {
        passwords.change(me, change, request);
        return ResponseEntity.noContent().build();
    }
}
