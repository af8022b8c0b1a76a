package io.bsocial.web.security;

import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
import io.bsocial.web.support.PasswordHashingBusyException;
import io.bsocial.web.support.TextInput;

/**
 * Checks a login (username or e-mail) and password. Unknown users and wrong passwords fail the
 * same way and take the same time, so neither the answer nor its delay tells which one it was.
 * A successful login re-hashes a password stored with weaker parameters.
 */
@Component
class AccountAuthenticationProvider implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(AccountAuthenticationProvider.class);

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
        upgradeHash(found, password);
        SessionUser principal = new SessionUser(found.id(), found.username(), found.firstName(), found.lastName());
        return UsernamePasswordAuthenticationToken.authenticated(principal, null,
                List.of(new SimpleGrantedAuthority("ROLE_USER")));
    }

    /**
     * A hash stored with weaker parameters than today's (a raised cost, or the old 16 MiB default)
     * is replaced now, while the password is at hand: the only moment it can be. If no hashing
     * slot is free the login still succeeds, and a later one upgrades.
     */
    private void upgradeHash(Account account, String password) {
        if (!passwordEncoder.upgradeEncoding(account.passwordHash())) {
            return;
        }
        try {
            accounts.updatePasswordHash(account.id(), account.passwordHash(), passwordEncoder.encode(password));
        } catch (PasswordHashingBusyException busy) {
            log.info("password hash of account {} left for a later login: hashing is busy", account.id());
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
