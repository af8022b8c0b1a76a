package io.bsocial.web.security;

import java.util.List;
import java.util.Optional;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import io.bsocial.shared.security.SessionUser;
import io.bsocial.web.account.Account;
import io.bsocial.web.account.AccountRepository;
import io.bsocial.web.support.TextInput;

/**
 * Checks a login (username or e-mail) and password. Unknown users and wrong passwords fail the
 * same way and take the same time, so neither the answer nor its delay tells which one it was.
 */
@Component
class AccountAuthenticationProvider implements AuthenticationProvider {

    /** Far above the 128 characters registration allows: longer input is refused before hashing. */
    private static final int MAX_PASSWORD_LENGTH = 1024;

    private final AccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final String unknownUserHash;

    AccountAuthenticationProvider(AccountRepository accounts, PasswordEncoder passwordEncoder) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.unknownUserHash = passwordEncoder.encode("no such user: the hash only costs the same time");
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
        Optional<Account> account = accounts.findByLogin(login);
        boolean matches = passwordEncoder.matches(password, account.map(Account::passwordHash).orElse(unknownUserHash));
        if (account.isEmpty() || !matches) {
            throw new BadCredentialsException("Invalid login or password.");
        }
        Account found = account.get();
        SessionUser principal = new SessionUser(found.id(), found.username(), found.firstName(), found.lastName());
        return UsernamePasswordAuthenticationToken.authenticated(principal, null,
                List.of(new SimpleGrantedAuthority("ROLE_USER")));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
