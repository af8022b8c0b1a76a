package io.bsocial.web.passwordreset.internal;

import jakarta.validation.constraints.NotNull;

import io.bsocial.web.support.NewPassword;

/** What {@code POST /api/auth/password-reset/{token}} and the new-password form send. */
record NewPasswordRequest(
        @NotNull(message = "Password is required.")
        @NewPassword
        String password,

        @NotNull(message = "Please repeat the password.")
        String passwordConfirmation) {
}
