package io.bsocial.web.account;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import io.bsocial.shared.events.Actor;
import io.bsocial.web.account.internal.Account;
import io.bsocial.web.account.internal.AccountRepository;
import io.bsocial.web.account.internal.PasswordCheck;
import io.bsocial.web.account.internal.ProfileEditor;

/**
 * What other modules may know of accounts: users as views (never the password hash, which only
 * {@link PasswordCheck} reads), who did something for events, and whether a password is right.
 */
@Service
public class Accounts {

    private final AccountRepository accounts;
    private final PasswordCheck passwords;
    private final ProfileEditor profiles;
    private final PasswordEncoder passwordEncoder;
    private final Standing standing;

    Accounts(AccountRepository accounts, PasswordCheck passwords, ProfileEditor profiles,
            PasswordEncoder passwordEncoder, Standing standing) {
        this.accounts = accounts;
        this.standing = standing;
        this.passwords = passwords;
        this.profiles = profiles;
        this.passwordEncoder = passwordEncoder;
    }

    /** The account as its owner sees it (with e-mail), if it still exists. */
    public Optional<AccountView> account(long id) {
        return accounts.findById(id).map(Account::toAccountView);
    }

    /** The user with this username, compared by {@link AccountKey}. */
    public Optional<UserView> byUsername(String username) {
        return accounts.findByUsername(username).map(Account::toUserView);
    }

    /** The users with these usernames (compared by {@link AccountKey}), in one query; unknown names are left out. */
    public List<UserView> byUsernames(Collection<String> usernames) {
        return accounts.findByUsernames(usernames).stream().map(Account::toUserView).toList();
    }

    /** The user whose username or e-mail is {@code login}, compared by {@link AccountKey}. */
    public Optional<UserView> byLogin(String login) {
        return accounts.findByLogin(login).map(Account::toUserView);
    }

    /** The account with this e-mail address (compared by {@link AccountKey}), as its owner sees it. */
    public Optional<AccountView> byEmail(String email) {
        return accounts.findByEmail(email).map(Account::toAccountView);
    }

    /** Who did something, as events name them. */
    public Actor actor(long id) {
        return accounts.actor(id);
    }

    /**
     * The user whose username or e-mail is {@code login}, if {@code password} is theirs; an unknown
     * login and a wrong password take the same time.
     */
    public Optional<UserView> authenticate(String login, String password) {
        // A suspended account fails as a wrong password does (after the same hashing time).
        return passwords.check(login, password).filter(user -> !standing.isSuspended(user.id()));
    }

    /**
     * Changes the names and bio that {@code update} gives (see {@link ProfileEditor}); 400 with every
     * field's error at once.
     */
    public AccountView updateProfile(long id, ProfileUpdate update) {
        return profiles.update(id, update).toAccountView();
    }

    /**
     * Stores a new password (already checked by the caller: the current one was right, the new one
     * follows registration's rules). Hashed outside any transaction: a memory-hard hash holds no
     * connection. Throws {@code PasswordHashingBusyException} (503) when no hashing slot is free.
     */
    public void replacePassword(long id, String newPassword) {
        accounts.replacePasswordHash(id, passwordEncoder.encode(newPassword));
    }
}
