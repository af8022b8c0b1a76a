package io.bsocial.web.follow;

import java.time.Clock;
import java.time.Instant;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.bsocial.shared.events.UserFollowed;
import io.bsocial.shared.events.UserUnfollowed;
import io.bsocial.shared.security.SessionUser;
import io.bsocial.shared.sql.SqlTime;
import io.bsocial.web.account.Accounts;
import io.bsocial.web.account.UserView;
import io.bsocial.web.budget.Budget;
import io.bsocial.web.budget.Budgets;
import io.bsocial.web.follow.internal.FollowRepository;
import io.bsocial.web.support.InvalidInputException;
import io.bsocial.web.support.NotFoundException;

/**
 * One-way follows: following someone shows you their posts. Events only when the relation changes.
 * Every follow and unfollow of an existing other user (a repeated one too) is paid from the
 * follower's budget for follows and unfollows, before anything is written: a follow back-fills
 * the follower's home timeline, so churning follows is expensive.
 */
@Service
public class FollowService {

    private final FollowRepository follows;
    private final Accounts accounts;
    private final Budgets budgets;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    FollowService(FollowRepository follows, Accounts accounts, Budgets budgets, ApplicationEventPublisher events,
            Clock clock) {
        this.events = events;
        this.follows = follows;
        this.accounts = accounts;
        this.budgets = budgets;
        this.clock = clock;
    }

    @Transactional
    public void follow(SessionUser me, String username) {
        UserView target = existing(username);
        if (target.id() == me.id()) {
            throw new InvalidInputException("username", "You cannot follow yourself.");
        }
        budgets.spend(Budget.FOLLOWS, me.id());
        Instant now = SqlTime.now(clock);
        if (follows.follow(me.id(), target.id(), now)) {
            events.publishEvent(UserFollowed.of(accounts.actor(me.id()), target.id(), target.username(), now));
        }
    }

    @Transactional
    public void unfollow(SessionUser me, String username) {
        UserView target = existing(username);
        budgets.spend(Budget.FOLLOWS, me.id());
        if (follows.unfollow(me.id(), target.id())) {
            events.publishEvent(UserUnfollowed.of(accounts.actor(me.id()), target.id(), target.username(),
                    SqlTime.now(clock)));
        }
    }

    private UserView existing(String username) {
        return accounts.byUsername(username).orElseThrow(() -> new NotFoundException("No such user."));
    }
}
