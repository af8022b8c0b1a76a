package io.bsocial.web.timeline.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.bsocial.shared.events.PostCreated;
import io.bsocial.shared.events.UserFollowed;
import io.bsocial.shared.events.UserRegistered;
import io.bsocial.shared.events.UserUnfollowed;

/**
 * Keeps home timelines in step with the facts, in the transaction of each fact: a new account
 * gets a (complete, empty) timeline; a follow back-fills the followed author's recent posts and
 * an unfollow removes them, at once; a new post is fanned out after its commit.
 */
@Component
class TimelineEvents {

    private final HomeTimelines timelines;
    private final TimelineFanOut fanOut;

    TimelineEvents(HomeTimelines timelines, TimelineFanOut fanOut) {
        this.timelines = timelines;
        this.fanOut = fanOut;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(UserRegistered event) {
        timelines.register(event.userId());
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(UserFollowed event) {
        if (!timelines.countFollower(event.followedUserId(), +1)) {
            timelines.backFill(event.userId(), event.followedUserId());
        }
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(UserUnfollowed event) {
        timelines.countFollower(event.followedUserId(), -1);
        timelines.removeAuthor(event.userId(), event.followedUserId());
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void on(PostCreated event) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                fanOut.wakeUp();
            }
        });
    }
}
