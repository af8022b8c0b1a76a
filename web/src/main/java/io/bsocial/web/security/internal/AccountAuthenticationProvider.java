package io.bsocial.web.security.internal;

import java.util.List;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

import io.bsocial.shared.security.SessionUser;
import io.bsocial.web.account.Accounts;
import io.bsocial.web.account.UserView;
import io.bsocial.web.support.TextInput;

/**
 * Checks a login (username or e-mail) and password: refuses what no password can be, then asks
 * the account module, which alone reads password hashes (and answers an unknown user as slowly as
 * a wrong password).
 */
@Component
class AccountAuthenticationProvider implements AuthenticationProvider {

    /** Far above the 128 characters registration allows: longer input is refused before hashing. */
    private static final int MAX_PASSWORD_LENGTH = 1024;

    private final Accounts accounts;

    AccountAuthenticationProvider(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String login = authentication.getName() == null ? "" : authentication.getName().trim();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        // A lone surrogate has no UTF-8 form: no stored password can hold it, and Argon2 cannot read it.
        if (login.isEmpty() || password.isEmpty() || password.length() > MAX_PASSWORD_LENGTH
                || !TextInput.isWellFormed(password)) {
            throw new BadCredentialsException("Invalid login or password.");
        }
        UserView found = accounts.authenticate(login, password)
                .orElseThrow(() -> new BadCredentialsException("Invalid login or password."));
        SessionUser principal = new SessionUser(found.id(), found.username(), found.firstName(), found.lastName());
        return UsernamePasswordAuthenticationToken.authenticated(principal, null,
                List.of(new SimpleGrantedAuthority("ROLE_USER")));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
