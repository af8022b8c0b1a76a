package io.bsocial.web.account.internal;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import io.bsocial.web.account.UserView;
import io.bsocial.web.support.PasswordHashingBusyException;

/**
 * Checks a password against the stored hash, which never leaves this module. Unknown users and
 * wrong passwords fail the same way and take the same time, so neither the answer nor its delay
 * tells which one it was. A successful check re-hashes a password stored with weaker parameters.
 */
@Component
public class PasswordCheck {

    private static final Logger log = LoggerFactory.getLogger(PasswordCheck.class);

    private final AccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final String unknownUserHash;

    PasswordCheck(AccountRepository accounts, PasswordEncoder passwordEncoder) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.unknownUserHash = passwordEncoder.encode("no such user: the hash only costs the same time");
    }

    /** The user whose username or e-mail is {@code login}, if {@code password} is theirs. */
    public Optional<UserView> check(String login, String password) {
        Optional<Account> account = accounts.findByLogin(login);
        boolean matches = passwordEncoder.matches(password, account.map(Account::passwordHash).orElse(unknownUserHash));
        if (account.isEmpty() || !matches) {
            return Optional.empty();
        }
        upgradeHash(account.get(), password);
        return account.map(Account::toUserView);
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
}
