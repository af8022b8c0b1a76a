package io.bsocial.web.security.internal;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import io.bsocial.shared.security.SessionUser;
import io.bsocial.web.account.Accounts;
import io.bsocial.web.account.UserView;
import io.bsocial.web.support.PasswordHashingBusyException;
import io.bsocial.web.support.TextInput;

/**
 * Checks a login (username or e-mail) and password, the one place every password check goes
 * through: each attempt is first counted by the {@link LoginThrottle} (and refused past its
 * limits), so no route or spelling of a URL reaches a password without it. Then it refuses what no
 * password can be, and asks the account module, which alone reads password hashes (and answers
 * an unknown user as slowly as a wrong password).
 */
@Component
class AccountAuthenticationProvider implements AuthenticationProvider {

    /** Far above the 128 characters registration allows: longer input is refused before hashing. */
    private static final int MAX_PASSWORD_LENGTH = 1024;

    private final Accounts accounts;
    private final LoginThrottle throttle;
    private final Authorities authorities;

    AccountAuthenticationProvider(Accounts accounts, LoginThrottle throttle, Authorities authorities) {
        this.accounts = accounts;
        this.throttle = throttle;
        this.authorities = authorities;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        if (!(authentication.getDetails() instanceof LoginAttemptDetails client)) {
            throw new InternalAuthenticationServiceException("a login attempt must name its client");
        }
        String login = authentication.getName() == null ? "" : authentication.getName().trim();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        LoginThrottle.Attempt attempt = throttle.begin(client.client(), login, client.device());
        // A lone surrogate has no UTF-8 form: no stored password can hold it, and Argon2 cannot read it.
        if (login.isEmpty() || password.isEmpty() || password.length() > MAX_PASSWORD_LENGTH
                || !TextInput.isWellFormed(password)) {
            throw new BadCredentialsException("Invalid login or password.");
        }
        UserView found;
        try {
            found = accounts.authenticate(login, password)
                    .orElseThrow(() -> new BadCredentialsException("Invalid login or password."));
        } catch (PasswordHashingBusyException busy) {
            attempt.abandoned();
            throw new LoginBusyException(busy.retryAfterSeconds());
        }
        attempt.succeeded(found.id());
        SessionUser principal = new SessionUser(found.id(), found.username(), found.firstName(), found.lastName());
        UsernamePasswordAuthenticationToken authenticated = UsernamePasswordAuthenticationToken.authenticated(
                principal, null, authorities.of(found.id()));
        // The session keeps the result, and the notifier reads the session too: Spring Security's
        // own serializable details, as form login stored them, not the attempt's (which hold a
        // device cookie and exist in web only).
        authenticated.setDetails(new WebAuthenticationDetails(client.client(), null));
        return authenticated;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
