package io.bsocial.indexer.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.bsocial.shared.events.Actor;
import io.bsocial.shared.events.BsocialEvent;
import io.bsocial.shared.events.CommentCreated;
import io.bsocial.shared.events.EventJson;
import io.bsocial.shared.events.PostCreated;
import io.bsocial.shared.events.UserLoggedIn;
import io.bsocial.shared.events.UserRegistered;

/**
 * Events with known timestamps around the UTC days the stored queries look at, and the exact
 * answers they must give. "Day 0" is today (UTC); every event lies in the past.
 */
public final class SeedData {

    public final LocalDate today;
    /** User 12's posts 501-504, edited and deleted: the seed holds what the indexer keeps of them. */
    public final EditAndDeleteStory story;
    /** Hashtagged posts of the last hours, one of them edited, one deleted (trending-tags). */
    public final TrendingStory trending;
    private final Instant midnight;
    private final List<Map<String, Object>> documents = new ArrayList<>();

    public SeedData(Clock clock) {
        this.today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        this.midnight = today.atStartOfDay(ZoneOffset.UTC).toInstant();
        this.story = new EditAndDeleteStory(12, 501, daysAgo -> at(daysAgo, Duration.ofHours(6)));
        seedLogins();
        seedComments();
        seedTopAndWorst();
        this.trending = new TrendingStory(clock.instant());
        trending.kept().forEach(this::add);
    }

    /**
     * Every seeded event, with the story as the indexer leaves it (EventIngestTest /
     * DeletionIngestTest prove that): edits and deletion events recorded, the created/updated
     * events of the deleted posts and comment erased.
     */
    public List<Map<String, Object>> documents() {
        return withStory(story.kept());
    }

    /** The same, had nobody edited anything: an edit changes no answer. */
    public List<Map<String, Object>> documentsNeverEdited() {
        List<BsocialEvent> kept = story.kept();
        kept.removeAll(story.edits());
        return withStory(kept);
    }

    /** The same, had the deleted posts and comment never been written: no trace of them at all. */
    public List<Map<String, Object>> documentsNeverDeleted() {
        List<BsocialEvent> kept = story.kept();
        kept.removeAll(story.deletions());
        return withStory(kept);
    }

    private List<Map<String, Object>> withStory(List<BsocialEvent> events) {
        List<Map<String, Object>> all = new ArrayList<>(documents);
        events.forEach(event -> all.add(document(event)));
        return all;
    }

    public String day(int daysAgo) {
        return today.minusDays(daysAgo).toString();
    }

    /** At {@code daysAgo} days before today's midnight, plus {@code offset}. */
    private Instant at(int daysAgo, Duration offset) {
        return midnight.minus(Duration.ofDays(daysAgo)).plus(offset);
    }

    private void seedLogins() {
        login(1, at(0, Duration.ZERO));
        login(1, at(0, Duration.ofMillis(1)));
        login(1, at(0, Duration.ofMillis(2)));
        login(2, at(0, Duration.ofMillis(3)));
        login(3, at(0, Duration.ZERO));                           // first instant of today
        login(1, at(0, Duration.ofMillis(-1)));                   // last instant of yesterday
        login(5, at(6, Duration.ofHours(12)));                    // first day of a 7-day window
        login(4, at(7, Duration.ofHours(12)));                    // just outside it
        login(6, at(6, Duration.ZERO));
        login(6, at(6, Duration.ofMillis(-1)));                  // the last instant before the window
        add(UserRegistered.of(actor(9), "Reg", "Istered", at(0, Duration.ZERO)));  // registrations are not logins
    }

    /** Logins per day for days=7, oldest first. */
    public List<Map<String, Object>> expectedLogins7() {
        return List.of(day(6, 2), day(5, 0), day(4, 0), day(3, 0), day(2, 0), day(1, 1), day(0, 3));
    }

    private Map<String, Object> day(int daysAgo, int users) {
        Map<String, Object> day = new LinkedHashMap<>();
        day.put("date", day(daysAgo));
        day.put("users", users);
        return day;
    }

    private void seedComments() {
        comments(101, 3, at(0, Duration.ofMinutes(1)));
        comments(102, 3, at(0, Duration.ofMinutes(2)));           // ties with 101: the lower id first
        comments(103, 1, at(0, Duration.ofMinutes(3)));
        comments(170, 1, at(0, Duration.ZERO));                   // midnight belongs to today
        comments(170, 2, at(0, Duration.ofMillis(-1)));           // a millisecond earlier is yesterday
        for (int post = 90; post <= 101; post++) {                // 12 posts with one comment yesterday
            comments(post, 1, at(1, Duration.ofHours(3)));
        }
        comments(150, 2, at(9, Duration.ofHours(1)));             // the oldest day of the window
        comments(160, 5, at(10, Duration.ofHours(23)));           // outside the window
    }

    /** Per day (oldest first, ten days): the posts in order, as {postId, comments}. */
    public Map<String, List<long[]>> expectedTopPosts() {
        Map<String, List<long[]>> days = new LinkedHashMap<>();
        for (int ago = 9; ago >= 0; ago--) {
            days.put(day(ago), new ArrayList<>());
        }
        days.get(day(9)).add(new long[] {150, 2});
        days.get(day(5)).add(new long[] {story.worst, 1});        // one of its two comments was deleted
        days.get(day(4)).add(new long[] {story.top, 2});          // edits (day 3) and deletions (day 2) count nowhere
        days.get(day(3)).add(new long[] {201, 2});                // the comments of seedTopAndWorst
        days.get(day(2)).add(new long[] {301, 6});
        List<long[]> yesterday = days.get(day(1));
        yesterday.add(new long[] {170, 2});
        for (int post = 90; post <= 98; post++) {                 // numeric order: 90..98, not "100", "101", 401...
            yesterday.add(new long[] {post, 1});
        }
        List<long[]> today = days.get(day(0));
        today.add(new long[] {101, 3});
        today.add(new long[] {102, 3});
        today.add(new long[] {103, 1});
        today.add(new long[] {170, 1});
        return days;
    }

    private void seedTopAndWorst() {
        post(7, 201);
        post(7, 202);
        post(7, 203);
        post(7, 204);
        comment(8, 201, 7, at(3, Duration.ZERO));
        comment(8, 201, 7, at(3, Duration.ofHours(1)));
        for (int i = 0; i < 5; i++) {
            comment(9, 203, 7, at(20 + i, Duration.ZERO));        // all-time: old comments count too
        }
        post(8, 301);
        comment(7, 301, 8, at(2, Duration.ZERO));                 // user 7 commenting elsewhere is not theirs
        comment(7, 301, 8, at(2, Duration.ofMinutes(1)));
        comment(7, 301, 8, at(2, Duration.ofMinutes(2)));
        comment(7, 301, 8, at(2, Duration.ofMinutes(3)));
        comment(7, 301, 8, at(2, Duration.ofMinutes(4)));
        comment(7, 301, 8, at(2, Duration.ofMinutes(5)));
        post(11, 401);
        post(11, 402);
        comment(8, 402, 11, at(1, Duration.ZERO));
        comment(8, 401, 11, at(1, Duration.ZERO));
    }

    private void login(long user, Instant at) {
        add(UserLoggedIn.of(actor(user), at));
    }

    private void comments(long postId, int count, Instant at) {
        for (int i = 0; i < count; i++) {
            comment(20 + i, postId, 1000 + postId, at);
        }
    }

    private void comment(long by, long postId, long postAuthor, Instant at) {
        add(CommentCreated.of(actor(by), postId, Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L),
                "a comment", postAuthor, "user" + postAuthor, at));
    }

    private void post(long author, long postId) {
        add(PostCreated.of(actor(author), postId, "post " + postId, midnight.minus(Duration.ofDays(40))));
    }

    private static Actor actor(long id) {
        return new Actor(id, "user" + id, "user" + id + "@example.com");
    }

    private void add(BsocialEvent event) {
        documents.add(document(event));
    }

    /** An event as the document the indexer writes (its JSON, as it travels). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> document(BsocialEvent event) {
        return EventJson.mapper().readValue(EventJson.write(event), Map.class);
    }
}
