/**
 * Account deletion (the right to erasure): {@code DELETE /api/me} and the settings page's "Delete
 * account" section. Everything of the account goes in one transaction; its username stays reserved;
 * {@code user-deleted} tells the notifier and the indexer to forget it too (docs/api.md, docs/events.md).
 * No API to other modules.
 */
package io.bsocial.web.erasure;
