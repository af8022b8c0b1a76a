package io.bsocial.web.block;

import java.time.Clock;
import java.time.Instant;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.bsocial.shared.events.UserBlocked;
import io.bsocial.shared.events.UserMuted;
import io.bsocial.shared.events.UserUnblocked;
import io.bsocial.shared.events.UserUnmuted;
import io.bsocial.shared.security.SessionUser;
import io.bsocial.shared.sql.SqlTime;
import io.bsocial.web.account.Accounts;
import io.bsocial.web.account.UserView;
import io.bsocial.web.block.internal.BlockRepository;
import io.bsocial.web.support.InvalidInputException;
import io.bsocial.web.support.NotFoundException;

/**
 * Blocks and mutes of an existing other user, idempotent; an event only when the relation changes.
 * They count against the per-request budget alone, as the contract's budget table says (they are
 * not in it). A block takes the pair's lock first ({@link Blocks#lockPair}): {@code follow} ends
 * the follows between the two as it hears {@link UserBlocked}, in this transaction.
 */
@Service
public class BlockService {

    private final BlockRepository relations;
    private final Blocks blocks;
    private final Accounts accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    BlockService(BlockRepository relations, Blocks blocks, Accounts accounts, ApplicationEventPublisher events,
            Clock clock) {
        this.relations = relations;
        this.blocks = blocks;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public UserView block(SessionUser me, String username) {
        UserView target = other(me, username, "block");
        blocks.lockPair(me.id(), target.id());
        Instant now = SqlTime.now(clock);
        if (relations.block(me.id(), target.id(), now)) {
            events.publishEvent(UserBlocked.of(accounts.actor(me.id()), target.id(), now));
        }
        return target;
    }

    @Transactional
    public UserView unblock(SessionUser me, String username) {
        UserView target = other(me, username, "unblock");
        if (relations.unblock(me.id(), target.id())) {
            events.publishEvent(UserUnblocked.of(accounts.actor(me.id()), target.id(), SqlTime.now(clock)));
        }
        return target;
    }

    @Transactional
    public UserView mute(SessionUser me, String username) {
        UserView target = other(me, username, "mute");
        Instant now = SqlTime.now(clock);
        if (relations.mute(me.id(), target.id(), now)) {
            events.publishEvent(UserMuted.of(accounts.actor(me.id()), target.id(), now));
        }
        return target;
    }

    @Transactional
    public UserView unmute(SessionUser me, String username) {
        UserView target = other(me, username, "unmute");
        if (relations.unmute(me.id(), target.id())) {
            events.publishEvent(UserUnmuted.of(accounts.actor(me.id()), target.id(), SqlTime.now(clock)));
        }
        return target;
    }

    private UserView other(SessionUser me, String username, String verb) {
        UserView target = accounts.byUsername(username).orElseThrow(() -> new NotFoundException("No such user."));
        if (target.id() == me.id()) {
            throw new InvalidInputException("username", "You cannot " + verb + " yourself.");
        }
        return target;
    }
}
