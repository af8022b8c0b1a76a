/**
 * Avatars (issue 26): {@code PUT/DELETE /api/me/avatar} and {@code GET /api/users/{username}/avatar}.
 * An upload is checked (type, size, declared dimensions) and re-encoded to a square
 * (internal/AvatarImages), stored in the {@code avatars} table with a version that makes its URL
 * ({@link io.bsocial.web.account.AvatarUrl}); the user object and profiles read that version in their
 * own queries, pages through {@link io.bsocial.web.avatar.AvatarUrls}.
 */
package io.bsocial.web.avatar;
