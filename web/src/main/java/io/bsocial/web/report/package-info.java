/**
 * Reports and moderation (issue 26): {@code POST /api/reports} (a post, a comment or an account,
 * with a reason; budgeted), and for moderators ({@code ROLE_MODERATOR}, given by
 * {@code ./bsocial moderator add}) the open reports, on {@code /moderation} and
 * {@code /api/moderation/**}, with their actions: delete the content (through {@code post.Posts} and
 * {@code comment.Comments}, as its author's delete does), suspend the account
 * ({@code account.Standing}: hidden by the visibility rule in {@code block.Blocks}), dismiss.
 */
package io.bsocial.web.report;
