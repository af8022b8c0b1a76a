package io.bsocial.notifier.notification.internal;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.bsocial.notifier.events.InvalidEventException;
import io.bsocial.notifier.events.ValidEvents;
import io.bsocial.shared.events.EventTopics;
import io.bsocial.shared.events.PostCreated;
import io.bsocial.shared.events.PostUpdated;

/**
 * A post that mentions people notifies each of them (never its author); an edit notifies only
 * the newly mentioned and takes back the mentions edited away. The notifier also keeps the post's
 * excerpt from here, for the notifications about it that arrive without one (comment-updated).
 * Read by the storing group; the live feed reads the same topics on every instance for itself.
 */
@Component
class PostMentions {

    private final ConversationRepository conversation;
    private final Announcements announce;

    PostMentions(ConversationRepository conversation, Announcements announce) {
        this.conversation = conversation;
        this.announce = announce;
    }

    @KafkaListener(topics = EventTopics.POST_CREATED)
    void created(String message) {
        PostCreated post = ValidEvents.read(message, PostCreated.class);
        if (post.postId() <= 0 || post.content() == null) {
            throw new InvalidEventException("a post-created event needs postId and content");
        }
        announce.changes(conversation.postVersion(post.postId(), post.userId(), post.username(), post.content(),
                post.mentionedUserIds(), post.eventId(), post.timestamp()));
    }

    @KafkaListener(topics = EventTopics.POST_UPDATED)
    void updated(String message) {
        PostUpdated post = ValidEvents.read(message, PostUpdated.class);
        if (post.postId() <= 0 || post.content() == null) {
            throw new InvalidEventException("a post-updated event needs postId and content");
        }
        announce.changes(conversation.postVersion(post.postId(), post.userId(), post.username(), post.content(),
                post.mentionedUserIds(), post.eventId(), post.timestamp()));
    }
}
