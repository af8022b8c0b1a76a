package io.bsocial.notifier.feed.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import io.bsocial.notifier.directory.Actor;
import io.bsocial.notifier.directory.UserDirectory;
import io.bsocial.notifier.events.ValidEvents;
import io.bsocial.notifier.live.ConnectedUsers;
import io.bsocial.notifier.live.OnEveryInstance;
import io.bsocial.shared.events.EventTopics;
import io.bsocial.shared.events.PostCreated;
import io.bsocial.shared.events.PostDeleted;
import io.bsocial.shared.events.PostUpdated;

/**
 * Tells open feed pages ({@code /user/queue/feed}) of new, edited and deleted posts by the people
 * their users follow. Every instance hears every post ({@link OnEveryInstance}) and pushes only to
 * the users whose feed is open on it: a post costs one probe of the follow graph per such user,
 * not one per follower, so an author with 100,000 followers costs no more than one with ten.
 * Nothing is stored: a page that was closed loads the feed when it opens again.
 */
@Component
class LiveFeed implements OnEveryInstance {

    static final String FEED = "/queue/feed";

    private final ConnectedUsers connected;
    private final Followers followers;
    private final UserDirectory directory;

    LiveFeed(ConnectedUsers connected, Followers followers, UserDirectory directory) {
        this.connected = connected;
        this.followers = followers;
        this.directory = directory;
    }

    /** What a feed page hears of a new post: the page loads the post itself, as its viewer may see it. */
    record NewPost(String type, long postId, Actor author, Instant createdAt) {
    }

    /** What a feed page hears of an edited post. */
    record EditedPost(String type, long postId, Instant editedAt) {
    }

    /** What a feed page hears of a deleted post. */
    record DeletedPost(String type, long postId) {
    }

    @Override
    public List<String> topics() {
        return List.of(EventTopics.POST_CREATED, EventTopics.POST_UPDATED, EventTopics.POST_DELETED);
    }

    @Override
    public void on(String topic, String message) {
        switch (topic) {
            case EventTopics.POST_CREATED -> {
                PostCreated post = ValidEvents.read(message, PostCreated.class);
                pushToFollowers(post.userId(), () -> new NewPost("post", post.postId(),
                        directory.actor(post.userId(), post.username()), post.timestamp()));
            }
            case EventTopics.POST_UPDATED -> {
                PostUpdated post = ValidEvents.read(message, PostUpdated.class);
                pushToFollowers(post.userId(), () -> new EditedPost("post-updated", post.postId(), post.timestamp()));
            }
            case EventTopics.POST_DELETED -> {
                PostDeleted post = ValidEvents.read(message, PostDeleted.class);
                pushToFollowers(post.userId(), () -> new DeletedPost("post-deleted", post.postId()));
            }
            default -> throw new IllegalArgumentException("not a post topic: " + topic);
        }
    }

    private void pushToFollowers(long authorId, Supplier<Object> payload) {
        Map<Long, String> feedsHere = connected.subscribedTo("/user" + FEED);
        if (feedsHere.isEmpty()) {
            return;
        }
        List<Long> recipients = followers.of(authorId, feedsHere.keySet());
        if (recipients.isEmpty()) {
            return;
        }
        Object message = payload.get();
        for (long follower : recipients) {
            connected.send(feedsHere.get(follower), FEED, message);
        }
    }
}
