package io.bsocial.notifier.feed;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.user.SimpUser;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import io.bsocial.notifier.notification.Notification;
import io.bsocial.notifier.notification.UserDirectory;
import io.bsocial.notifier.notification.ValidEvents;
import io.bsocial.shared.events.EventTopics;
import io.bsocial.shared.events.PostCreated;
import io.bsocial.shared.events.PostDeleted;
import io.bsocial.shared.security.SessionUser;

/**
 * Tells open feed pages of new and deleted posts by the people their users follow
 * ({@code /user/queue/feed}). Every instance reads every post in a consumer group of its own and
 * pushes only to the users connected to it: a post's cost is one index probe per user connected
 * here, not one per follower, so an author with 100,000 followers costs no more than one with ten.
 * Nothing is stored: a page that was closed simply loads the feed when it opens again.
 */
@Component
class LiveFeed {

    static final String FEED = "/queue/feed";

    private final SimpMessagingTemplate messaging;
    private final SimpUserRegistry connected;
    private final FollowGraph follows;
    private final UserDirectory directory;

    LiveFeed(SimpMessagingTemplate messaging, SimpUserRegistry connected, FollowGraph follows, UserDirectory directory) {
        this.messaging = messaging;
        this.connected = connected;
        this.follows = follows;
        this.directory = directory;
    }

    /** What a feed page hears of a new post. */
    record NewPost(String type, long postId, Notification.Actor author, Instant createdAt) {
    }

    /** What a feed page hears of a deleted post. */
    record DeletedPost(String type, long postId) {
    }

    @KafkaListener(topics = EventTopics.POST_CREATED, groupId = "bsocial-notifier-feed-${random.uuid}",
            properties = "auto.offset.reset=latest")
    void created(String message) {
        PostCreated post = ValidEvents.read(message, PostCreated.class);
        pushToFollowers(post.userId(), new NewPost("post", post.postId(),
                directory.actor(post.userId(), post.username()), post.timestamp()));
    }

    @KafkaListener(topics = EventTopics.POST_DELETED, groupId = "bsocial-notifier-feed-${random.uuid}",
            properties = "auto.offset.reset=latest")
    void deleted(String message) {
        PostDeleted post = ValidEvents.read(message, PostDeleted.class);
        pushToFollowers(post.userId(), new DeletedPost("post-deleted", post.postId()));
    }

    private void pushToFollowers(long authorId, Object payload) {
        Map<Long, String> here = connectedUsers();
        if (here.isEmpty()) {
            return;
        }
        for (long follower : follows.followersAmong(authorId, here.keySet())) {
            messaging.convertAndSendToUser(here.get(follower), FEED, payload);
        }
    }

    /** Users with an open socket on this instance, by id. */
    private Map<Long, String> connectedUsers() {
        Map<Long, String> users = new HashMap<>();
        for (SimpUser user : connected.getUsers()) {
            if (user.getPrincipal() instanceof Authentication authentication
                    && authentication.getPrincipal() instanceof SessionUser sessionUser) {
                users.put(sessionUser.id(), user.getName());
            }
        }
        return users;
    }
}
