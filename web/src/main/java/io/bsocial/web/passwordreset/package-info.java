/**
 * Password reset by e-mail ({@code POST /api/auth/password-reset}, the "Forgot password?" pages): a
 * one-time link valid 30 minutes, mailed over SMTP, its token kept only as a SHA-256 digest; the
 * same answer whether an account has the address; budgeted per client address and per e-mail
 * address ({@code budget.Budget.PASSWORD_RESETS}). A reset password ends every session, API token
 * and device cookie of the account ({@code account.SignedInSessions}). No API to other modules.
 */
package io.bsocial.web.passwordreset;
