package io.bsocial.web.follow;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.bsocial.shared.security.SessionUser;
import io.bsocial.web.account.Account;
import io.bsocial.web.account.AccountRepository;
import io.bsocial.web.support.InvalidInputException;
import io.bsocial.web.support.NotFoundException;
import io.bsocial.web.support.SqlTime;

/** One-way follows: following someone shows you their posts. */
@Service
public class FollowService {

    private final FollowRepository follows;
    private final AccountRepository accounts;
    private final Clock clock;

    FollowService(FollowRepository follows, AccountRepository accounts, Clock clock) {
        this.follows = follows;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Transactional
    public void follow(SessionUser me, String username) {
        Account target = existing(username);
        if (target.id() == me.id()) {
            throw new InvalidInputException("username", "You cannot follow yourself.");
        }
        follows.follow(me.id(), target.id(), SqlTime.now(clock));
    }

    @Transactional
    public void unfollow(SessionUser me, String username) {
        Account target = existing(username);
        follows.unfollow(me.id(), target.id());
    }

    private Account existing(String username) {
        return accounts.findByUsername(username).orElseThrow(() -> new NotFoundException("No such user."));
    }
}
