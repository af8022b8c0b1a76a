package io.bsocial.web.account;

import io.bsocial.shared.security.SessionUser;

/**
 * The sessions an account is signed in with. The security module implements it (it depends on
 * accounts, so accounts only name what they need): a changed name shows in the top bar of every
 * one of them, the one that changed it included; a reset password ends all of them.
 */
public interface SignedInSessions {

    void renamed(SessionUser user);

    /**
     * Signs the account out everywhere at once: every session (and so every API token) is deleted
     * and every device cookie revoked, as a password change does for the others (a password reset:
     * whoever knew the old password is out).
     */
    void endEverywhere(SessionUser user);
}
