/**
 * Home timelines, materialised in SQL: each user's entries, written by a fan-out after a post
 * commits and by back-fills on follow, trimmed, rebuilt by operators ({@code /actuator/timelines}).
 * Its API is {@link io.bsocial.web.timeline.TimelineHorizons}, which the feed's query in
 * {@code post} reads; everything else is {@code internal}.
 */
package io.bsocial.web.timeline;
