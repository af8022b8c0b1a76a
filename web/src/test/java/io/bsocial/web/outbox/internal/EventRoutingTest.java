package io.bsocial.web.outbox.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.bsocial.shared.events.Actor;
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
import io.bsocial.shared.events.UserFollowed;
import io.bsocial.shared.events.UserLoggedIn;
import io.bsocial.shared.events.UserLoggedOut;
import io.bsocial.shared.events.UserRegistered;
import io.bsocial.shared.events.UserMuted;
import io.bsocial.shared.events.UserUnblocked;
import io.bsocial.shared.events.UserUnfollowed;
import io.bsocial.shared.events.UserUnmuted;
import io.bsocial.shared.events.UserDeleted;
import io.bsocial.shared.testing.KafkaUsageTable;
import io.bsocial.shared.testing.KafkaUsageTable.Row;
import io.bsocial.web.outbox.internal.EventRouting.Route;

/** Every event type has its topic, and the key that keeps its entity's events in order. */
class EventRoutingTest {

    private static final Actor ADA = new Actor(7, "ada", "ada@example.com");
    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

    private static final List<BsocialEvent> ONE_OF_EACH = List.of(
            UserRegistered.of(ADA, "Ada", "Lovelace", NOW),
            UserLoggedIn.of(ADA, NOW),
            UserLoggedOut.of(ADA, NOW),
            UserFollowed.of(ADA, 8, "grace", NOW),
            UserUnfollowed.of(ADA, 8, "grace", NOW),
            PostCreated.of(ADA, 41, "Notes", NOW),
            CommentCreated.of(ADA, 41, 9001, "Bravo", 8, "grace", NOW),
            PostUpdated.of(ADA, 41, "Notes, edited", NOW),
            PostDeleted.of(ADA, 41, NOW),
            CommentUpdated.of(ADA, 41, 9001, "Bravo!", NOW),
            CommentDeleted.of(ADA, 41, 9001, 8, NOW),
            PostLiked.of(ADA, 41, 8, "Notes", NOW),
            PostUnliked.of(ADA, 41, 8, NOW),
            CommentLiked.of(ADA, 41, 9001, 8, "Notes", NOW),
            CommentUnliked.of(ADA, 41, 9001, 8, NOW),
            UserBlocked.of(ADA, 8, NOW),
            UserUnblocked.of(ADA, 8, NOW),
            UserMuted.of(ADA, 8, NOW),
            UserUnmuted.of(ADA, 8, NOW),
            UserDeleted.of(ADA.userId(), ADA.username(), NOW));

    @Test
    void aUsersEventsAreKeyedByThatUser() {
        assertThat(EventRouting.of(ONE_OF_EACH.get(0))).isEqualTo(new Route(EventTopics.USER_REGISTERED, "7"));
        assertThat(EventRouting.of(ONE_OF_EACH.get(1))).isEqualTo(new Route(EventTopics.USER_LOGGED_IN, "7"));
        assertThat(EventRouting.of(ONE_OF_EACH.get(2))).isEqualTo(new Route(EventTopics.USER_LOGGED_OUT, "7"));
        assertThat(EventRouting.of(ONE_OF_EACH.get(3))).isEqualTo(new Route(EventTopics.USER_FOLLOWED, "7"));
        assertThat(EventRouting.of(ONE_OF_EACH.get(4))).isEqualTo(new Route(EventTopics.USER_UNFOLLOWED, "7"));
        assertThat(EventRouting.of(ONE_OF_EACH.get(15))).isEqualTo(new Route(EventTopics.USER_BLOCKED, "7"));
        assertThat(EventRouting.of(ONE_OF_EACH.get(16))).isEqualTo(new Route(EventTopics.USER_UNBLOCKED, "7"));
        assertThat(EventRouting.of(ONE_OF_EACH.get(17))).isEqualTo(new Route(EventTopics.USER_MUTED, "7"));
        assertThat(EventRouting.of(ONE_OF_EACH.get(18))).isEqualTo(new Route(EventTopics.USER_UNMUTED, "7"));
    }

    @Test
    void aPostAndItsCommentsShareThePostsKey() {
        assertThat(EventRouting.of(ONE_OF_EACH.get(5))).isEqualTo(new Route(EventTopics.POST_CREATED, "41"));
        assertThat(EventRouting.of(ONE_OF_EACH.get(6))).isEqualTo(new Route(EventTopics.COMMENT_CREATED, "41"));
        assertThat(EventRouting.of(ONE_OF_EACH.get(7))).isEqualTo(new Route(EventTopics.POST_UPDATED, "41"));
        assertThat(EventRouting.of(ONE_OF_EACH.get(8))).isEqualTo(new Route(EventTopics.POST_DELETED, "41"));
        assertThat(EventRouting.of(ONE_OF_EACH.get(9))).isEqualTo(new Route(EventTopics.COMMENT_UPDATED, "41"));
        assertThat(EventRouting.of(ONE_OF_EACH.get(10))).isEqualTo(new Route(EventTopics.COMMENT_DELETED, "41"));
        assertThat(EventRouting.of(ONE_OF_EACH.get(11))).isEqualTo(new Route(EventTopics.POST_LIKED, "41"));
        assertThat(EventRouting.of(ONE_OF_EACH.get(12))).isEqualTo(new Route(EventTopics.POST_UNLIKED, "41"));
        assertThat(EventRouting.of(ONE_OF_EACH.get(13))).isEqualTo(new Route(EventTopics.COMMENT_LIKED, "41"));
        assertThat(EventRouting.of(ONE_OF_EACH.get(14))).isEqualTo(new Route(EventTopics.COMMENT_UNLIKED, "41"));
    }

    @Test
    void everyEventTypeIsRoutedToItsOwnTopic() {
        assertThat(ONE_OF_EACH.stream().map(Object::getClass).toList())
                .containsExactlyInAnyOrder(BsocialEvent.class.getPermittedSubclasses());
        assertThat(ONE_OF_EACH).extracting(event -> EventRouting.of(event).topic())
                .containsExactlyInAnyOrderElementsOf(EventTopics.ALL);
    }

    /** docs/architecture.md's Kafka table says what web writes: every topic the outbox routes to, and web reads none. */
    @Test
    void theArchitectureTableSaysWhatWebWritesAndThatItReadsNothing() {
        List<Row> documented = KafkaUsageTable.rows(Path.of("..", "docs", "architecture.md"), "web");

        assertThat(documented).hasSize(1);
        assertThat(documented.get(0).group()).isNull();
        assertThat(documented.get(0).reads()).isEmpty();
        assertThat(documented.get(0).writes())
                .isEqualTo(ONE_OF_EACH.stream().map(event -> EventRouting.of(event).topic()).collect(Collectors.toSet()));
    }
}
