package io.bsocial.notifier.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.bsocial.notifier.notification.Notification;
import io.bsocial.notifier.notification.internal.ConversationRepository.Arrival;
import io.bsocial.notifier.notification.internal.ConversationRepository.Changes;
import io.bsocial.notifier.notification.internal.ConversationRepository.CommentVersion;
import io.bsocial.notifier.notification.internal.ConversationRepository.LikeFact;
import io.bsocial.notifier.support.Events;
import io.bsocial.shared.events.CommentCreated;

/**
 * Likes, replies and mentions on the real database (H2, and PostgreSQL with -Ppostgres): the rules
 * of who is notified, in any order of the events, and under concurrent likes and unlikes.
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({NotificationRepository.class, ConversationRepository.class})
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@Tag("db")
class ConversationRepositoryTest {

    private static final Instant NOON = Instant.parse("2026-03-10T12:00:00Z");

    @Autowired
    ConversationRepository conversation;

    @Autowired
    NotificationRepository notifications;

    @Autowired
    javax.sql.DataSource dataSource;

    /**
     * H2 2.4 binds some of what a migration creates to the session that created it: the rules must
     * hold on connections opened after the pool retired Flyway's (it does after its idle time).
     */
    @Test
    void theRulesHoldOnConnectionsOpenedAfterThePoolRetiredTheMigratingOne() throws Exception {
        dataSource.unwrap(com.zaxxer.hikari.HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();
        aLikeNotifiesOncePerDayAnUnlikeRetractsAndLikingAgainTheSameDayComesBackQuietly();
        aPostsMentionsFollowItsEditsAndItsExcerptReachesItsNotifications();
        aDeletedPostOrCommentTakesBackItsLikesRepliesAndMentionsAndStopsLateOnes();
    }

    @Test
    void aLikeNotifiesOncePerDayAnUnlikeRetractsAndLikingAgainTheSameDayComesBackQuietly() {
        long author = Events.nextId();
        long liker = Events.nextId();
        long post = Events.nextId();

        Changes liked = conversation.like(like(liker, post, author, true, NOON));
        assertThat(liked.stored()).singleElement().satisfies(arrival -> {
            assertThat(arrival.recipientId()).isEqualTo(author);
            assertThat(arrival.notification().type()).isEqualTo("like");
            assertThat(arrival.notification().postId()).isEqualTo(post);
            assertThat(arrival.notification().commentId()).isNull();
            assertThat(arrival.notification().excerpt()).isNull();
            assertThat(arrival.notification().postExcerpt()).isEqualTo("the post");
        });
        long first = liked.stored().get(0).notification().id();
        assertThat(conversation.like(like(liker, post, author, true, NOON)).stored()).as("redelivered").isEmpty();

        Changes unliked = conversation.like(like(liker, post, author, false, NOON.plusSeconds(60)));
        assertThat(unliked.retracted()).singleElement().satisfies(r -> assertThat(r.ids()).containsExactly(first));
        assertThat(likes(author)).isEmpty();

        Changes again = conversation.like(like(liker, post, author, true, NOON.plusSeconds(120)));
        assertThat(again.stored()).as("not notified twice the same UTC day").isEmpty();
        assertThat(likes(author)).as("but the like that stands is listed, read").hasSize(1);
        assertThat(notifications.unread(author)).isZero();

        conversation.like(like(liker, post, author, false, NOON.plusSeconds(180)));
        assertThat(conversation.like(like(liker, post, author, true, Instant.parse("2026-03-11T00:00:01Z"))).stored())
                .as("the next UTC day").hasSize(1);
        assertThat(likes(author)).hasSize(1);
    }

    @Test
    void onlyTheLatestLikeOrUnlikeOfALikerCountsWhateverOrderTheyAreProcessedIn() {
        long author = Events.nextId();
        long liker = Events.nextId();
        long post = Events.nextId();
        assertThat(conversation.like(like(liker, post, author, false, NOON.plusSeconds(2))).retracted()).isEmpty();
        assertThat(conversation.like(like(liker, post, author, true, NOON.plusSeconds(1))).stored())
                .as("a like its later unlike overtook").isEmpty();
        assertThat(likes(author)).isEmpty();

        long comment = Events.nextId();
        assertThat(conversation.like(commentLike(liker, post, comment, author, true, NOON.plusSeconds(3))).stored())
                .singleElement().satisfies(a -> assertThat(a.notification().commentId()).isEqualTo(comment));
        assertThat(conversation.like(commentLike(liker, post, comment, author, false, NOON)).retracted())
                .as("an unlike older than the like").isEmpty();
        assertThat(likes(author)).hasSize(1);
    }

    /**
     * Eight likers like and unlike the same post at once, each a few times; their facts reach the
     * notifier in the orders such a race can produce (liked and unliked are two topics), on eight
     * threads. Each liker whose like stands ends with exactly one notification, the others none.
     */
    @Test
    void eightLikersLikingAndUnlikingConcurrentlyEndWithOneNotificationPerStandingLike() throws Exception {
        for (int round = 0; round < 20; round++) {
            long author = Events.nextId();
            long post = Events.nextId();
            List<LikeFact> facts = new ArrayList<>();
            List<Long> standing = new ArrayList<>();
            for (int liker = 0; liker < 8; liker++) {
                long id = Events.nextId();
                int toggles = 1 + (liker + round) % 4; // like, unlike, like, unlike…
                for (int t = 0; t < toggles; t++) {
                    facts.add(like(id, post, author, t % 2 == 0, NOON.plusMillis(round * 100L + t)));
                }
                if (toggles % 2 == 1) {
                    standing.add(id);
                }
            }
            Collections.shuffle(facts, new Random(round));
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Changes>> done = new ArrayList<>();
                for (int thread = 0; thread < 8; thread++) {
                    int mine = thread;
                    done.add(pool.submit(() -> {
                        start.await();
                        Changes last = null;
                        for (int i = mine; i < facts.size(); i += 8) {
                            last = conversation.like(facts.get(i));
                        }
                        return last;
                    }));
                }
                start.countDown();
                for (Future<Changes> one : done) {
                    one.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(likes(author)).extracting(n -> n.actor().id()).as("round " + round)
                    .containsExactlyInAnyOrderElementsOf(standing);
        }
    }

    @Test
    void aReplyWinsOverTheCommentAndAMentionOverTheCommentNeverTwoForOnePerson() {
        long postAuthor = Events.nextId();
        long answered = Events.nextId();
        long mentioned = Events.nextId();
        long actor = Events.nextId();
        long post = Events.nextId();

        CommentCreated reply = Events.comment(actor, "actor", post, postAuthor, "pa", "@m and you", 1L, answered,
                List.of(mentioned, answered, actor), "the post");
        Changes changes = conversation.commentVersion(created(reply));
        assertThat(changes.stored()).extracting(Arrival::recipientId, a -> a.notification().type())
                .containsExactlyInAnyOrder(tuple(answered, "reply"),
                        tuple(mentioned, "mention"));
        assertThat(notifications.insert(reply)).as("the post author's comment").isPresent();
        assertThat(conversation.commentVersion(created(reply)).stored()).as("redelivered").isEmpty();
        assertThat(notifications.insert(reply)).isEmpty();

        CommentCreated replyToTheAuthor = Events.comment(actor, "actor", post, postAuthor, "pa", "yes", 1L, postAuthor,
                List.of(postAuthor), "the post");
        assertThat(conversation.commentVersion(created(replyToTheAuthor)).stored())
                .extracting(Arrival::recipientId, a -> a.notification().type())
                .containsExactly(tuple(postAuthor, "reply"));
        assertThat(notifications.insert(replyToTheAuthor)).as("the reply wins").isEmpty();

        CommentCreated mentionsTheAuthor = Events.comment(actor, "actor", post, postAuthor, "pa", "@pa", null, null,
                List.of(postAuthor), "the post");
        assertThat(conversation.commentVersion(created(mentionsTheAuthor)).stored())
                .extracting(a -> a.notification().type()).containsExactly("mention");
        assertThat(notifications.insert(mentionsTheAuthor)).as("the mention wins").isEmpty();

        assertThat(notifications.recent(postAuthor, 10)).extracting(Notification::type)
                .containsExactlyInAnyOrder("comment", "reply", "mention");
    }

    @Test
    void anEditNotifiesOnlyTheNewlyMentionedRetractsThoseEditedAwayAndIgnoresOlderVersions() {
        long postAuthor = Events.nextId();
        long kept = Events.nextId();
        long dropped = Events.nextId();
        long added = Events.nextId();
        long post = Events.nextId();
        conversation.rememberPost(post, postAuthor, "the post");
        CommentCreated comment = Events.comment(Events.nextId(), "actor", post, postAuthor, "pa", "@k @d", null, null,
                List.of(kept, dropped), null);
        conversation.commentVersion(created(comment));
        notifications.insert(comment);

        Changes edit = conversation.commentVersion(edited(comment, "@k @a @pa", List.of(kept, added, postAuthor), 5));
        assertThat(edit.stored()).extracting(Arrival::recipientId).containsExactly(added);
        assertThat(edit.stored().get(0).notification().postExcerpt()).as("from the comment-created").isEqualTo("the post");
        assertThat(edit.retracted()).extracting(r -> r.recipientId()).containsExactly(dropped);
        assertThat(notifications.recent(postAuthor, 10)).extracting(Notification::type).containsExactly("mention");

        assertThat(conversation.commentVersion(edited(comment, "@d", List.of(dropped), 3)).stored())
                .as("an older edit processed late").isEmpty();
        Changes away = conversation.commentVersion(edited(comment, "nobody", List.of(), 9));
        assertThat(away.retracted()).extracting(r -> r.recipientId()).containsExactlyInAnyOrder(kept, added);
        assertThat(notifications.recent(postAuthor, 10)).as("the post author keeps the comment's notification")
                .extracting(Notification::type).containsExactly("comment");
    }

    @Test
    void anEditProcessedBeforeItsCommentDecidesTheMentions() {
        long postAuthor = Events.nextId();
        long original = Events.nextId();
        long later = Events.nextId();
        CommentCreated comment = Events.comment(Events.nextId(), "actor", Events.nextId(), postAuthor, "pa", "@o",
                null, null, List.of(original), "p");
        conversation.commentVersion(edited(comment, "@l", List.of(later), 2));
        conversation.commentVersion(created(comment));
        assertThat(notifications.recent(later, 10)).hasSize(1);
        assertThat(notifications.recent(original, 10)).isEmpty();
    }

    @Test
    void aPostsMentionsFollowItsEditsAndItsExcerptReachesItsNotifications() {
        long author = Events.nextId();
        long ada = Events.nextId();
        long bob = Events.nextId();
        long post = Events.nextId();
        Changes created = conversation.postVersion(post, author, "author", "hello @ada", List.of(ada, author),
                UUID.randomUUID(), NOON);
        assertThat(created.stored()).singleElement().satisfies(a -> {
            assertThat(a.recipientId()).isEqualTo(ada);
            assertThat(a.notification().commentId()).isNull();
            assertThat(a.notification().excerpt()).isEqualTo("hello @ada");
            assertThat(a.notification().postExcerpt()).isEqualTo("hello @ada");
        });
        Changes edited = conversation.postVersion(post, author, "author", "hello @bob", List.of(bob), UUID.randomUUID(),
                NOON.plusSeconds(5));
        assertThat(edited.stored()).extracting(Arrival::recipientId).containsExactly(bob);
        assertThat(edited.retracted()).extracting(r -> r.recipientId()).containsExactly(ada);
        assertThat(conversation.postVersion(post, author, "author", "hello @ada", List.of(ada), UUID.randomUUID(),
                NOON).stored()).as("the post-created, redelivered after the edit").isEmpty();
        assertThat(notifications.recent(bob, 10)).singleElement()
                .satisfies(n -> assertThat(n.postExcerpt()).isEqualTo("hello @bob"));
    }

    @Test
    void aDeletedPostOrCommentTakesBackItsLikesRepliesAndMentionsAndStopsLateOnes() {
        long author = Events.nextId();
        long other = Events.nextId();
        long post = Events.nextId();
        conversation.postVersion(post, author, "author", "@o", List.of(other), UUID.randomUUID(), NOON);
        conversation.like(like(other, post, author, true, NOON));
        CommentCreated reply = Events.comment(other, "o", post, author, "a", "hi", 7L, author, List.of(), "p");
        conversation.commentVersion(created(reply));
        conversation.like(commentLike(author, post, reply.commentId(), other, true, NOON));

        notifications.retractComment(reply.commentId(), Instant.now());
        assertThat(notifications.recent(author, 10)).extracting(Notification::type).containsExactly("like");
        assertThat(notifications.recent(other, 10)).extracting(Notification::type).containsExactly("mention");
        assertThat(conversation.like(commentLike(Events.nextId(), post, reply.commentId(), other, true, NOON)).stored())
                .as("a like of a deleted comment").isEmpty();

        notifications.retractPost(post, Instant.now());
        assertThat(notifications.recent(author, 10)).isEmpty();
        assertThat(notifications.recent(other, 10)).isEmpty();
        assertThat(conversation.like(like(Events.nextId(), post, author, true, NOON)).stored()).isEmpty();
        assertThat(conversation.postVersion(post, author, "author", "@o", List.of(other), UUID.randomUUID(),
                NOON.plusSeconds(1)).stored()).as("an edit of a deleted post").isEmpty();
    }

    private List<Notification> likes(long author) {
        return notifications.recent(author, 100).stream().filter(n -> n.type().equals("like")).toList();
    }

    private static LikeFact like(long liker, long post, long author, boolean liked, Instant at) {
        return new LikeFact(liker, "l" + liker, post, null, author, liked ? "the post" : null, liked,
                UUID.randomUUID(), at);
    }

    private static LikeFact commentLike(long liker, long post, long comment, long author, boolean liked, Instant at) {
        return new LikeFact(liker, "l" + liker, post, comment, author, liked ? "the post" : null, liked,
                UUID.randomUUID(), at);
    }

    private static CommentVersion created(CommentCreated c) {
        return new CommentVersion(c.postId(), c.commentId(), c.userId(), c.username(), c.content(), c.replyToUserId(),
                c.mentionedUserIds(), c.postAuthorId(), c.postExcerpt(), true, c.eventId(), c.timestamp());
    }

    private static CommentVersion edited(CommentCreated c, String content, List<Long> mentioned, int secondsLater) {
        return new CommentVersion(c.postId(), c.commentId(), c.userId(), c.username(), content, c.replyToUserId(),
                mentioned, null, null, false, UUID.randomUUID(), c.timestamp().plusSeconds(secondsLater));
    }
}
