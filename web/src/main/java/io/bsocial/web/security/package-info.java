/**
 * Login, logout, sessions, the filter chain, password hashing and the login throttle. No API to
 * other modules (it implements {@code account.SessionStarter}): all {@code internal}. It reads
 * users through {@code account.Accounts} and never sees a password hash.
 */
package io.bsocial.web.security;
