package io.bsocial.web.erasure.internal;

import java.util.List;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.bsocial.shared.security.SessionUser;
import io.bsocial.web.support.FieldProblem;
import io.bsocial.web.support.Htmx;
import io.bsocial.web.support.InvalidInputException;

/**
 * The settings page's "Delete account" form ({@code settings/delete.html}), sent by htmx: the
 * password and an explicit confirmation. A failure (no confirmation, a wrong password, the
 * throttle) is a problem document shown next to its field; success sends the browser, logged out,
 * to the landing page ({@code HX-Redirect}, or a redirect for a form sent without scripts).
 */
@Controller
class AccountDeletionPageController {

    static final String LANDING = "/?deleted";

    private final AccountErasure erasure;

    AccountDeletionPageController(AccountErasure erasure) {
        this.erasure = erasure;
    }

    @PostMapping("/settings/delete")
    ResponseEntity<Void> delete(@AuthenticationPrincipal SessionUser me, @RequestParam(required = false) String password,
            @RequestParam(required = false) String confirm, HttpServletRequest request) {
        if (!"yes".equals(confirm)) {
            throw new InvalidInputException(List.of(new FieldProblem("confirm",
                    "Tick the box to confirm that you want your account deleted for good.")));
        }
        erasure.delete(me, new DeletionRequest(password), request);
        String landing = request.getContextPath() + LANDING;
        if (Htmx.isHtmx(request)) {
            return ResponseEntity.noContent().header("HX-Redirect", landing).build();
        }
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(landing)).build();
    }
}
