package io.bsocial.web.security;

import jakarta.validation.constraints.NotBlank;

/** {@code POST /api/auth/login}: {@code login} is a username or an e-mail address. */
record LoginRequest(
        @NotBlank(message = "Username or e-mail is required.") String login,
        @NotBlank(message = "Password is required.") String password) {
}
