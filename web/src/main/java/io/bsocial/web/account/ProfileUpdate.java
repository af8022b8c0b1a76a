package io.bsocial.web.account;

/**
 * What {@code PATCH /api/me} and the settings page's profile form send: each field is optional
 * (absent or null leaves it as it is); an empty or blank bio removes it.
 */
public record ProfileUpdate(String firstName, String lastName, String bio) {
}
