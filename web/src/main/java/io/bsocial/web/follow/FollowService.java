package io.bsocial.web.follow;

import java.time.Clock;
import java.time.Instant;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.bsocial.shared.events.UserBlocked;
import io.bsocial.shared.events.UserFollowed;
import io.bsocial.shared.events.UserUnfollowed;
import io.bsocial.shared.security.SessionUser;
import io.bsocial.shared.sql.SqlTime;
import io.bsocial.web.account.Accounts;
import io.bsocial.web.account.UserView;
import io.bsocial.web.block.Blocks;
import io.bsocial.web.budget.Budget;
import io.bsocial.web.budget.Budgets;
import io.bsocial.web.follow.internal.FollowRepository;
import io.bsocial.web.support.InvalidInputException;
import io.bsocial.web.support.NotFoundException;

/**
 * One-way follows: following someone shows you their posts. Events only when the relation changes.
 * Every follow and unfollow of an existing other user (a repeated one too) is paid from the
 * follower's budget for follows and unfollows, before anything is written: a follow back-fills
 * the follower's home timeline, so churning follows is expensive. Nobody follows across a block:
 * a follow takes the pair's lock ({@link Blocks#lockPair}), as a block does, then looks for one.
 */
@Service
public class FollowService {

    private final FollowRepository follows;
    private final Accounts accounts;
    private final Blocks blocks;
    private final Budgets budgets;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transactions;

    FollowService(FollowRepository follows, Accounts accounts, Blocks blocks, Budgets budgets,
            ApplicationEventPublisher events, Clock clock, TransactionTemplate transactions) {
        this.blocks = blocks;
        this.transactions = transactions;
        this.events = events;
        this.follows = follows;
        this.accounts = accounts;
        this.budgets = budgets;
        this.clock = clock;
    }

    /**
     * The follow, in a transaction of its own. Its home-timeline back-fill copies the author's
     * recent posts; one deleted at the same moment fails that copy's foreign key (PostgreSQL), and
     * the whole transaction is tried again once: the next try no longer sees the deleted post.
     */
    public void follow(SessionUser me, String username) {
        try {
            transactions.executeWithoutResult(status -> followOnce(me, username));
        } catch (DataIntegrityViolationException postDeletedMeanwhile) {
            transactions.executeWithoutResult(status -> followOnce(me, username));
        }
    }

    private void followOnce(SessionUser me, String username) {
        UserView target = existing(username);
        if (target.id() == me.id()) {
            throw new InvalidInputException("username", "You cannot follow yourself.");
        }
        budgets.spend(Budget.FOLLOWS, me.id());
        blocks.lockPair(me.id(), target.id());
        if (blocks.eitherBlocks(me.id(), target.id())) {
            throw notFound(); // as for what one may not see: a block is not announced
        }
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

    /**
     * A block ends the follows between the two, both ways, in the block's transaction (which holds
     * the pair's lock): each as an unfollow of its follower, so home timelines, follower counts and
     * every consumer of {@code user-unfollowed} follow as for any unfollow. Lower followee first, as
     * follower counts are locked by followee: two blocks never wait for each other in a circle.
     */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(UserBlocked block) {
        long low = Math.min(block.userId(), block.blockedUserId());
        long high = Math.max(block.userId(), block.blockedUserId());
        endFollow(high, low);
        endFollow(low, high);
    }

    private void endFollow(long followerId, long followeeId) {
        if (follows.unfollow(followerId, followeeId)) {
            String followee = accounts.actor(followeeId).username();
            events.publishEvent(UserUnfollowed.of(accounts.actor(followerId), followeeId, followee, SqlTime.now(clock)));
        }
    }

    private UserView existing(String username) {
        return accounts.byUsername(username).orElseThrow(FollowService::notFound);
    }

    private static NotFoundException notFound() {
        return new NotFoundException("No such user.");
    }
}
