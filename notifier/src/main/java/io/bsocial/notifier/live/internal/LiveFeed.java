package io.bsocial.notifier.live.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.annotation.PartitionOffset;
import org.springframework.kafka.annotation.TopicPartition;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Component;

import io.bsocial.notifier.directory.Actor;
import io.bsocial.notifier.directory.UserDirectory;
import io.bsocial.notifier.events.ValidEvents;
import io.bsocial.notifier.silence.Silences;
import io.bsocial.shared.events.EventTopics;
import io.bsocial.shared.events.PostCreated;
import io.bsocial.shared.events.PostDeleted;
import io.bsocial.shared.events.PostUpdated;

/**
 * Tells open feed pages ({@code /user/queue/feed}) of new, edited and deleted posts by the people
 * their users follow. Every instance hears every post ({@link InstanceListeners}) and pushes only to
 * the users whose feed is open on it: a post costs one probe of the follow graph per such user,
 * not one per follower, so an author with 100,000 followers costs no more than one with ten. Never
 * to someone who muted the author or is in a block with them ({@link Silences}).
 * Nothing is stored: a page that was closed loads the feed when it opens again.
 */
@Component
class LiveFeed {

    private final ReadySubscribers subscribers;
    private final SimpMessagingTemplate messaging;
    private final Followers followers;
    private final UserDirectory directory;
    private final Silences silences;

    LiveFeed(ReadySubscribers subscribers, SimpMessagingTemplate messaging, Followers followers, UserDirectory directory,
            Silences silences) {
        this.silences = silences;
        this.subscribers = subscribers;
        this.messaging = messaging;
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

    @KafkaListener(containerFactory = InstanceListeners.FACTORY, topicPartitions = {
            @TopicPartition(topic = EventTopics.POST_CREATED, partitions = InstanceListeners.EVERY_PARTITION,
                    partitionOffsets = @PartitionOffset(partition = "*", initialOffset = "0", seekPosition = "END")),
            @TopicPartition(topic = EventTopics.POST_UPDATED, partitions = InstanceListeners.EVERY_PARTITION,
                    partitionOffsets = @PartitionOffset(partition = "*", initialOffset = "0", seekPosition = "END")),
            @TopicPartition(topic = EventTopics.POST_DELETED, partitions = InstanceListeners.EVERY_PARTITION,
                    partitionOffsets = @PartitionOffset(partition = "*", initialOffset = "0", seekPosition = "END"))})
    void on(@Header(KafkaHeaders.RECEIVED_TOPIC) String topic, String message) {
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
        Map<Long, String> feedsHere = subscribers.users(WebSocketConfig.FEED);
        List<Long> recipients = feedsHere.isEmpty() ? List.of() : followers.of(authorId, feedsHere.keySet());
        if (!recipients.isEmpty()) {
            Set<Long> silenced = silences.silencedFrom(authorId, recipients);
            recipients = recipients.stream().filter(follower -> !silenced.contains(follower)).toList();
        }
        if (!recipients.isEmpty()) {
            Object message = payload.get();
            recipients.forEach(follower -> messaging.convertAndSendToUser(feedsHere.get(follower), WebSocketConfig.FEED, message));
        }
    }
}
