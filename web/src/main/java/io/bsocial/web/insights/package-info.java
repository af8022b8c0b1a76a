/**
 * The insights page: the indexer's statistics, with the excerpts of the posts the viewer may see.
 * No API to other modules: all {@code internal}.
 */
package io.bsocial.web.insights;
