package io.bsocial.web.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.bsocial.shared.security.SessionUser;

/**
 * Starts a logged-in session for a person who just registered, as the login form would. The
 * security module implements it: it depends on accounts, so accounts only name what they need.
 */
public interface SessionStarter {

    void logIn(SessionUser user, HttpServletRequest request, HttpServletResponse response);
}
