package io.bsocial.web.notifier.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.util.UriUtils;

/**
 * One entry of the notifications page as web draws it for the first page: the same words, links and
 * markup as {@code describe} in static/js/notifications.js draws for the later pages and for the bell
 * (NotificationPagesBrowserIT compares the two). Change one, change both.
 */
record NotificationEntry(long id, boolean unread, String href, Actor actor, String who, String what,
        List<Part> excerpt, String onPost, String createdAt, Instant created) {

    /** The notifier's actor: who did it. */
    record Actor(long id, String username, String firstName, String lastName) {
    }

    /** A piece of an excerpt: text, or an {@code @name} linking to {@code href}. */
    record Part(String text, String href) {
    }

    /** The notifier's item, as {@code GET /api/notifications/all} answers it. */
    record Listed(long id, String type, Long postId, Long commentId, Actor actor, String excerpt, String postExcerpt,
            String createdAt, boolean read) {
    }

    /** notifications.js's MENTION: an @name not inside a word or an e-mail address. */
    private static final Pattern MENTION = Pattern.compile("(^|[^\\p{L}\\p{N}_.@&])@([A-Za-z0-9_.]{3,30})");
    private static final Pattern SPACES = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    static NotificationEntry of(Listed item) {
        return new NotificationEntry(item.id(), !item.read(), href(item), item.actor(), displayName(item.actor()),
                action(item), item.excerpt() == null || item.excerpt().isEmpty() ? List.of() : parts(item.excerpt()),
                "comment".equals(item.type()) && present(item.postExcerpt()) ? "on " + quoted(item.postExcerpt()) : null,
                item.createdAt(), instant(item.createdAt()));
    }

    private static String displayName(Actor actor) {
        return present(actor.firstName()) && present(actor.lastName())
                ? actor.firstName() + " " + actor.lastName() : "@" + actor.username();
    }

    private static String href(Listed item) {
        if ("follow".equals(item.type())) {
            return "/users/" + UriUtils.encodePathSegment(item.actor().username(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String post = "/posts/" + item.postId();
        return item.commentId() == null ? post : post + "?comment=" + item.commentId() + "#comment-" + item.commentId();
    }

    /** The post's first 80 characters, on one line, in quotes; "…" when it was cut there. */
    private static String quoted(String postExcerpt) {
        String text = SPACES.matcher(postExcerpt).replaceAll(" ").strip();
        return "\u201c" + text + (postExcerpt.codePointCount(0, postExcerpt.length()) >= 80 ? "\u2026" : "") + "\u201d";
    }

    private static String action(Listed item) {
        String on = present(item.postExcerpt()) ? " " + quoted(item.postExcerpt()) : "";
        String onPost = present(item.postExcerpt()) ? " on " + quoted(item.postExcerpt()) : "";
        return switch (item.type()) {
            case "follow" -> " followed you";
            case "like" -> item.commentId() != null ? " liked your comment" + onPost : " liked your post" + on;
            case "reply" -> " replied to your comment" + onPost + ": ";
            case "mention" -> item.commentId() != null ? " mentioned you in a comment" + onPost + ": " : " mentioned you: ";
            default -> " commented: ";
        };
    }

    private static List<Part> parts(String text) {
        List<Part> parts = new ArrayList<>();
        Matcher match = MENTION.matcher(text);
        int last = 0;
        while (match.find()) {
            String username = match.group(2).replaceAll("\\.+$", "");
            if (username.length() < 3) {
                continue;
            }
            int start = match.start() + match.group(1).length();
            parts.add(new Part(text.substring(last, start), null));
            parts.add(new Part("@" + username, "/users/" + username));
            last = start + 1 + username.length();
        }
        parts.add(new Part(text.substring(last), null));
        return List.copyOf(parts);
    }

    private static boolean present(String text) {
        return text != null && !text.isEmpty();
    }

    private static Instant instant(String createdAt) {
        try {
            return Instant.parse(createdAt);
        } catch (DateTimeParseException | NullPointerException unreadable) {
            return null;
        }
    }
}
