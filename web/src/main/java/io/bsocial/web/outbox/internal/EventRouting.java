package io.bsocial.web.outbox.internal;

import io.bsocial.shared.events.BsocialEvent;
import io.bsocial.shared.events.CommentCreated;
import io.bsocial.shared.events.CommentDeleted;
import io.bsocial.shared.events.CommentLiked;
import io.bsocial.shared.events.CommentUnliked;
import io.bsocial.shared.events.CommentUpdated;
import io.bsocial.shared.events.EventTopics;
import io.bsocial.shared.events.PostCreated;
import io.bsocial.shared.events.PostDeleted;
import io.bsocial.shared.events.PostLiked;
import io.bsocial.shared.events.PostUnliked;
import io.bsocial.shared.events.PostUpdated;
import io.bsocial.shared.events.UserBlocked;
import io.bsocial.shared.events.UserDeleted;
import io.bsocial.shared.events.UserFollowed;
import io.bsocial.shared.events.UserLoggedIn;
import io.bsocial.shared.events.UserLoggedOut;
import io.bsocial.shared.events.UserRegistered;
import io.bsocial.shared.events.UserMuted;
import io.bsocial.shared.events.UserUnblocked;
import io.bsocial.shared.events.UserUnfollowed;
import io.bsocial.shared.events.UserUnmuted;

/**
 * Where each event goes on Kafka, decided in one place: its topic, and its record key, the entity
 * whose events must stay in order (Kafka keeps order per key within a partition). A post and its
 * comments share the post's key; everything a user does is keyed by that user. It covers
 * every permitted {@link BsocialEvent}; EventRoutingTest fails for a new type not routed here.
 */
final class EventRouting {

    /** A topic and the key that keeps an entity's events in order on it. */
    record Route(String topic, String key) {
    }

    private EventRouting() {
    }

    static Route of(BsocialEvent event) {
        if (event instanceof PostCreated post) {
            return new Route(EventTopics.POST_CREATED, String.valueOf(post.postId()));
        }
        if (event instanceof CommentCreated comment) {
            return new Route(EventTopics.COMMENT_CREATED, String.valueOf(comment.postId()));
        }
        if (event instanceof PostUpdated post) {
            return new Route(EventTopics.POST_UPDATED, String.valueOf(post.postId()));
        }
        if (event instanceof PostDeleted post) {
            return new Route(EventTopics.POST_DELETED, String.valueOf(post.postId()));
        }
        if (event instanceof CommentUpdated comment) {
            return new Route(EventTopics.COMMENT_UPDATED, String.valueOf(comment.postId()));
        }
        if (event instanceof CommentDeleted comment) {
            return new Route(EventTopics.COMMENT_DELETED, String.valueOf(comment.postId()));
        }
        if (event instanceof PostLiked like) {
            return new Route(EventTopics.POST_LIKED, String.valueOf(like.postId()));
        }
        if (event instanceof PostUnliked like) {
            return new Route(EventTopics.POST_UNLIKED, String.valueOf(like.postId()));
        }
        if (event instanceof CommentLiked like) {
            return new Route(EventTopics.COMMENT_LIKED, String.valueOf(like.postId()));
        }
        if (event instanceof CommentUnliked like) {
            return new Route(EventTopics.COMMENT_UNLIKED, String.valueOf(like.postId()));
        }
        String topic;
        if (event instanceof UserRegistered) {
            topic = EventTopics.USER_REGISTERED;
        } else if (event instanceof UserLoggedIn) {
            topic = EventTopics.USER_LOGGED_IN;
        } else if (event instanceof UserLoggedOut) {
            topic = EventTopics.USER_LOGGED_OUT;
        } else if (event instanceof UserFollowed) {
            topic = EventTopics.USER_FOLLOWED;
        } else if (event instanceof UserUnfollowed) {
            topic = EventTopics.USER_UNFOLLOWED;
        } else if (event instanceof UserBlocked) {
            topic = EventTopics.USER_BLOCKED;
        } else if (event instanceof UserUnblocked) {
            topic = EventTopics.USER_UNBLOCKED;
        } else if (event instanceof UserMuted) {
            topic = EventTopics.USER_MUTED;
        } else if (event instanceof UserUnmuted) {
            topic = EventTopics.USER_UNMUTED;
        } else if (event instanceof UserDeleted) {
            topic = EventTopics.USER_DELETED;
        } else {
            throw new IllegalArgumentException("no route for " + event.getClass().getName());
        }
        return new Route(topic, String.valueOf(event.userId()));
    }
}
