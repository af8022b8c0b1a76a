package io.bsocial.shared.security;

import java.io.Serial;
import java.io.Serializable;

import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * The principal kept in the shared session. {@code web} writes it at login and {@code notifier}
 * reads it back from the same JDBC session store, so it lives here and holds no secrets.
 */
public record SessionUser(long id, String username, String firstName, String lastName)
        implements AuthenticatedPrincipal, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    @Override
    public String getName() {
        return username;
    }
}
