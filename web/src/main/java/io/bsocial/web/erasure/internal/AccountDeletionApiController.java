package io.bsocial.web.erasure.internal;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.bsocial.shared.security.SessionUser;
import io.bsocial.web.support.FieldProblem;
import io.bsocial.web.support.InvalidInputException;

/**
 * {@code DELETE /api/me} {@code {"password"}}: 204 and the account is gone, its sessions, tokens and
 * device cookies with it; 403 for a wrong password (throttled like login: 429 past its limit); 400
 * without a body or a password.
 */
@RestController
class AccountDeletionApiController {

    private final AccountErasure erasure;

    AccountDeletionApiController(AccountErasure erasure) {
        this.erasure = erasure;
    }

    @DeleteMapping("/api/me")
    ResponseEntity<Void> delete(@AuthenticationPrincipal SessionUser me,
            @RequestBody(required = false) DeletionRequest request, HttpServletRequest http) {
        if (request == null) {
            throw new InvalidInputException(List.of(new FieldProblem("password", "Your password is required.")));
        }
        erasure.delete(me, request, http);
        return ResponseEntity.noContent().build();
    }
}
