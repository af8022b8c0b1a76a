package io.bsocial.web.account;

import jakarta.servlet.http.HttpServletRequest;

import io.bsocial.shared.security.SessionUser;

/**
 * Confirms that the signed-in person knows the account's password before an account action
 * (changing the password, deleting the account). The security module implements it through the
 * authentication provider, so every wrong guess counts against the login throttle exactly as a
 * failed login does: 403 for a wrong password (naming {@code field}), 429 with {@code Retry-After}
 * past the limit, 503 when no hashing slot is free.
 */
public interface CurrentPassword {

    void confirm(SessionUser me, String password, String field, HttpServletRequest request);
}
