package io.bsocial.web.account;

import java.util.Optional;

import org.springframework.stereotype.Service;

import io.bsocial.shared.events.Actor;
import io.bsocial.web.account.internal.Account;
import io.bsocial.web.account.internal.AccountRepository;
import io.bsocial.web.account.internal.PasswordCheck;

/**
 * What other modules may know of accounts: users as views (never the password hash, which only
 * {@link PasswordCheck} reads), who did something for events, and whether a password is right.
 */
@Service
public class Accounts {

    private final AccountRepository accounts;
    private final PasswordCheck passwords;

    Accounts(AccountRepository accounts, PasswordCheck passwords) {
        this.accounts = accounts;
        this.passwords = passwords;
    }

    /** The account as its owner sees it (with e-mail), if it still exists. */
    public Optional<AccountView> account(long id) {
        return accounts.findById(id).map(Account::toAccountView);
    }

    /** The user with this username, compared by {@link AccountKey}. */
    public Optional<UserView> byUsername(String username) {
        return accounts.findByUsername(username).map(Account::toUserView);
    }

    /** The user whose username or e-mail is {@code login}, compared by {@link AccountKey}. */
    public Optional<UserView> byLogin(String login) {
        return accounts.findByLogin(login).map(Account::toUserView);
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
        return passwords.check(login, password);
    }
}
