package io.bsocial.web.security.internal;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.bsocial.web.support.NewPassword;

/**
 * What {@code POST /api/me/password} and the settings page's password form send. The new password
 * follows the rules of every chosen password ({@link NewPassword}).
 */
record PasswordChangeRequest(
        @NotNull(message = "Your current password is required.")
        @Size(min = 1, message = "Your current password is required.")
        String currentPassword,

        @NotNull(message = "A new password is required.")
        @NewPassword
        String newPassword,

        @NotNull(message = "Please repeat the new password.")
        String newPasswordConfirmation) {
}
