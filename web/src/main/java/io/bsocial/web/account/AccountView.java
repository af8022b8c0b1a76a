package io.bsocial.web.account;

import java.time.Instant;

/**
 * A user as they see themselves ({@code /api/me}, registration, login): adds e-mail and registration
 * time; {@code bio} and {@code avatarUrl} are null when there is none.
 */
public record AccountView(long id, String username, String firstName, String lastName, String email,
        Instant registeredAt, String bio, String avatarUrl) {
}
