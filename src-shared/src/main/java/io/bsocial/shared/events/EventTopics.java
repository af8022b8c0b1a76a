package io.bsocial.shared.events;

import java.util.List;

/** Kafka topic names: one topic per event type, all under the {@code bsocial.} prefix. */
public final class EventTopics {

    public static final String USER_REGISTERED = "bsocial.user-registered";
    public static final String USER_LOGGED_IN = "bsocial.user-logged-in";
    public static final String USER_LOGGED_OUT = "bsocial.user-logged-out";
    public static final String USER_FOLLOWED = "bsocial.user-followed";
    public static final String USER_UNFOLLOWED = "bsocial.user-unfollowed";
    public static final String POST_CREATED = "bsocial.post-created";
    public static final String COMMENT_CREATED = "bsocial.comment-created";
    public static final String POST_UPDATED = "bsocial.post-updated";
    public static final String POST_DELETED = "bsocial.post-deleted";
    public static final String COMMENT_UPDATED = "bsocial.comment-updated";
    public static final String COMMENT_DELETED = "bsocial.comment-deleted";
    public static final String POST_LIKED = "bsocial.post-liked";
    public static final String POST_UNLIKED = "bsocial.post-unliked";
    public static final String COMMENT_LIKED = "bsocial.comment-liked";
    public static final String COMMENT_UNLIKED = "bsocial.comment-unliked";
    public static final String USER_BLOCKED = "bsocial.user-blocked";
    public static final String USER_UNBLOCKED = "bsocial.user-unblocked";
    public static final String USER_MUTED = "bsocial.user-muted";
    public static final String USER_UNMUTED = "bsocial.user-unmuted";
    public static final String USER_DELETED = "bsocial.user-deleted";

    /** Messages a consumer could not process, with the reason in a header. */
    public static final String DEAD_LETTER = "bsocial.dlt";

    /** Every event topic, in the order of the contract. */
    public static final List<String> ALL = List.of(USER_REGISTERED, USER_LOGGED_IN, USER_LOGGED_OUT,
            USER_FOLLOWED, USER_UNFOLLOWED, POST_CREATED, COMMENT_CREATED,
            POST_UPDATED, POST_DELETED, COMMENT_UPDATED, COMMENT_DELETED,
            POST_LIKED, POST_UNLIKED, COMMENT_LIKED, COMMENT_UNLIKED,
            USER_BLOCKED, USER_UNBLOCKED, USER_DELETED, USER_MUTED, USER_UNMUTED);

    private EventTopics() {
    }
}
