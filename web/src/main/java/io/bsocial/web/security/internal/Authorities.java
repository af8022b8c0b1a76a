package io.bsocial.web.security.internal;

import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

import io.bsocial.web.account.Standing;

/**
 * The authorities a login gives, built in this one place for every way of signing in (the form,
 * {@code POST /api/auth/login}, registration, a password reset): {@code ROLE_USER}, and
 * {@code ROLE_MODERATOR} for the accounts in {@code moderators}. API tokens are session ids, so
 * they carry what their login gave; a change of the role signs the account out ({@link Standing}).
 */
@Component
class Authorities {

    static final String MODERATOR = "MODERATOR";

    private final Standing standing;

    Authorities(Standing standing) {
        this.standing = standing;
    }

    List<GrantedAuthority> of(long userId) {
        return standing.isModerator(userId)
                ? List.of(new SimpleGrantedAuthority("ROLE_USER"), new SimpleGrantedAuthority("ROLE_" + MODERATOR))
                : List.of(new SimpleGrantedAuthority("ROLE_USER"));
    }

    boolean suspended(long userId) {
        return standing.isSuspended(userId);
    }
}
