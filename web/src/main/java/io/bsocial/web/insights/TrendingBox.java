package io.bsocial.web.insights;

import java.util.List;
import java.util.Optional;

/**
 * The feed's trending box, as far as web knows it without asking the indexer: so that the feed
 * page draws the box with the rest of its content, never waiting on (or failing with) the indexer.
 */
public interface TrendingBox {

    /** The side column is narrow: the first few. */
    int SIZE = 5;

    /**
     * The box's tags from the indexer's last answer, even one older than {@code bsocial.trending.cache}
     * (a new answer is then asked for in the background, for the next page); an empty list when
     * there is nothing to show (no tag enough people used, or the indexer could not say). Empty
     * before web has any answer: the page then asks for the box once it is shown.
     */
    Optional<List<TrendingTag>> lastKnown();
}
