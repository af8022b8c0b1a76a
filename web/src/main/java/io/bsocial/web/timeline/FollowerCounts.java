package io.bsocial.web.timeline;

import java.util.List;

/**
 * The follower counts the home timelines keep for every author (each follow and unfollow changes
 * them in its own transaction): who is followed most, for suggestions.
 */
public interface FollowerCounts {

    /** The ids of the {@code limit} most followed authors, most followed first. */
    List<Long> mostFollowed(int limit);
}
