package io.bsocial.web.passwordreset.internal;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Open to anyone, JSON only (so no cross-site form can send them): see {@link PasswordResets}. */
@RestController
class PasswordResetApiController {

    private final PasswordResets resets;

    PasswordResetApiController(PasswordResets resets) {
        this.resets = resets;
    }

    /** 202 whether or not an account has the address. */
    @PostMapping(path = "/api/auth/password-reset", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> request(@RequestBody ResetRequest request, HttpServletRequest http) {
        resets.request(request, http.getRemoteAddr());
        return ResponseEntity.accepted().build();
    }

    @PostMapping(path = "/api/auth/password-reset/{token}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> reset(@PathVariable String token, @RequestBody NewPasswordRequest request) {
        resets.reset(token, request);
        return ResponseEntity.noContent().build();
    }
}
