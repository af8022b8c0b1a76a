/**
 * The export of one's own data ({@code GET /api/me/export}, the settings page's download): one JSON
 * document with the profile, posts, comments, likes, follows and followers, read page by page and
 * written as it is read. Once a day per account ({@code budget.Budget.EXPORTS}).
 */
package io.bsocial.web.export;
