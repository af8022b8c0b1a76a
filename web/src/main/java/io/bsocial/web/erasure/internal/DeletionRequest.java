package io.bsocial.web.erasure.internal;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What {@code DELETE /api/me} and the settings page's deletion form send: the account's password. */
record DeletionRequest(
        @NotNull(message = "Your password is required.")
        @Size(min = 1, message = "Your password is required.")
        String password) {
}
