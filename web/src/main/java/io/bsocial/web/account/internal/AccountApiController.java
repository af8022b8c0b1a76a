package io.bsocial.web.account.internal;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.bsocial.shared.security.SessionUser;
import io.bsocial.web.account.AccountView;
import io.bsocial.web.account.Accounts;
import io.bsocial.web.account.ProfileUpdate;
import io.bsocial.web.account.SignedInSessions;
import io.bsocial.web.support.NotFoundException;

@RestController
class AccountApiController {

    private final Registration registration;
    private final AccountRepository accounts;
    private final Accounts profiles;
    private final SignedInSessions sessions;

    AccountApiController(Registration registration, AccountRepository accounts, Accounts profiles,
            SignedInSessions sessions) {
        this.registration = registration;
        this.accounts = accounts;
        this.profiles = profiles;
        this.sessions = sessions;
    }

    @PostMapping(path = "/api/auth/register", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AccountView> register(@RequestBody RegistrationRequest request, HttpServletRequest http) {
        Account account = registration.register(request, http.getRemoteAddr());
        return ResponseEntity.created(URI.create("/api/users/" + account.username())).body(account.toAccountView());
    }

    @GetMapping("/api/me")
    AccountView me(@AuthenticationPrincipal SessionUser me) {
        return accounts.findById(me.id()).map(Account::toAccountView)
                .orElseThrow(() -> new NotFoundException("Your account no longer exists."));
    }

    /** Names and bio, each optional; the new names show in every session's top bar at once. */
    @PatchMapping(path = "/api/me", consumes = MediaType.APPLICATION_JSON_VALUE)
    AccountView updateProfile(@AuthenticationPrincipal SessionUser me, @RequestBody ProfileUpdate update) {
        AccountView account = profiles.updateProfile(me.id(), update);
        sessions.renamed(new SessionUser(account.id(), account.username(), account.firstName(), account.lastName()));
        return account;
    }
}
