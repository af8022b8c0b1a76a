/**
 * The insights page: the indexer's statistics, with the excerpts of the posts the viewer may see.
 * Its API to other modules: {@link io.bsocial.web.insights.TrendingBox}, the feed's trending box.
 */
package io.bsocial.web.insights;
