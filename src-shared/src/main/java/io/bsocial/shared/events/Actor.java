package io.bsocial.shared.events;

/** The user who did something: the {@code userId}, {@code username} and {@code email} of an event. */
public record Actor(long userId, String username, String email) {
}
