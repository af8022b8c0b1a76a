package io.bsocial.web.notifier.internal;

import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import io.bsocial.shared.security.CookieOrTokenSessionIdResolver;

/**
 * The first page of the notifications page, asked of the notifier while web renders it, so that the
 * list is in the HTML instead of a round trip to another origin after it. Asked as the person: with
 * their session ({@code X-Auth-Token}), so the notifier decides what they see as it does for their
 * browser. Web draws its entries ({@link NotificationEntry}); when the notifier does not answer in
 * time, or answers what web cannot read, the page's script asks it itself.
 */
@Component
class FirstNotifications {

    /** The page's size: the template hands it to the preload and to notifications-page.js ({@code data-page-size}). */
    static final int PAGE_SIZE = 20;

    private static final Logger log = LoggerFactory.getLogger(FirstNotifications.class);

    private final RestClient notifier;
    private final JsonMapper json;

    /** The page's entries, where "Load older" goes on from, and how many are unread. */
    record FirstPage(List<NotificationEntry> entries, String nextCursor, long unread) {
    }

    /** {@code GET /api/notifications/all}'s answer. */
    record Answer(List<NotificationEntry.Listed> items, String nextCursor, long unread) {

        /** Whether web can draw it: every item says what happened, who did it and when. */
        boolean readable() {
            return items != null && items.stream().allMatch(item -> item != null && item.type() != null
                    && item.actor() != null && item.actor().username() != null && item.createdAt() != null);
        }
    }

    FirstNotifications(NotifierProperties properties, JsonMapper json) {
        this.json = json;
        SimpleClientHttpRequestFactory timeouts = new SimpleClientHttpRequestFactory();
        timeouts.setConnectTimeout(properties.firstPageTimeout());
        timeouts.setReadTimeout(properties.firstPageTimeout());
        this.notifier = RestClient.builder().baseUrl(properties.internalBase()).requestFactory(timeouts).build();
    }

    /** The notifier's answer to {@code GET /api/notifications/all?limit=<PAGE_SIZE>} for this session, if it came in time. */
    Optional<FirstPage> firstPage(String sessionId) {
        try {
            String body = notifier.get()
                    .uri("/api/notifications/all?limit={limit}", PAGE_SIZE)
                    .header(CookieOrTokenSessionIdResolver.TOKEN_HEADER, sessionId)
                    .accept(MediaType.APPLICATION_JSON)
                    .retrieve()
                    .body(String.class);
            Answer answer = json.readValue(body, Answer.class);
            if (answer == null || !answer.readable()) {
                log.debug("The notifier's first page was not one web can draw; the page's script asks it");
                return Optional.empty();
            }
            return Optional.of(new FirstPage(answer.items().stream().map(NotificationEntry::of).toList(),
                    answer.nextCursor(), answer.unread()));
        } catch (RestClientException | JacksonException late) {
            // The session id is a credential: the message never names it (it is in no URL either).
            log.debug("The notifier gave no first page in time ({}); the page's script asks it", late.getClass().getSimpleName());
            return Optional.empty();
        }
    }
}
