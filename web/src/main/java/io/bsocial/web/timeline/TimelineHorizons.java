package io.bsocial.web.timeline;

import java.util.Optional;

import io.bsocial.web.paging.Cursor;

/**
 * Where each user's materialised home timeline ends (docs/feed.md, "Home timelines"): the feed
 * reads entries newer than the horizon from {@code home_timelines} and everything older with the
 * query of before.
 */
public interface TimelineHorizons {

    /** A head whose timeline is not built: the feed reads it with the query of before. */
    Cursor UNBUILT = Cursor.NEWEST;
    /** A head whose timeline holds every entry there is. */
    Cursor COMPLETE = Cursor.OLDEST;

    /** The user's horizon; absent when they have no head (the feed then reads as before). */
    Optional<Cursor> horizon(long userId);
}
