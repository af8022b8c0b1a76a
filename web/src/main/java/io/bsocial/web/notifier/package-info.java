/**
 * Web's side of the notifier, which is a process of its own: where browsers reach it
 * ({@link io.bsocial.web.notifier.NotifierLocation}, for the bell's script, the CSP and CORS) and the
 * shell of the notifications page, whose list the page's script reads from the notifier. Web stores
 * no notifications.
 */
package io.bsocial.web.notifier;
