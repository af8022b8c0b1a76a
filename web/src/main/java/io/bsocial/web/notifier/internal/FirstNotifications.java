package io.bsocial.web.notifier.internal;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import io.bsocial.shared.security.CookieOrTokenSessionIdResolver;

/**
 * The first page of the notifications page, asked of the notifier while web renders it, so that the
 * list is in the HTML instead of a round trip to another origin after it. Asked as the person: with
 * their session ({@code X-Auth-Token}), so the notifier decides what they see as it does for their
 * browser. Its answer goes into the page as it came (JSON, which the page's script draws as text);
 * when the notifier does not answer in time, the page's script asks it itself.
 */
@Component
class FirstNotifications {

    /** Must match notifications-page.js's PAGE_SIZE: "Load older" goes on from the answer's cursor. */
    static final int PAGE_SIZE = 20;

    private static final Logger log = LoggerFactory.getLogger(FirstNotifications.class);

    private final RestClient notifier;

    FirstNotifications(NotifierProperties properties) {
        SimpleClientHttpRequestFactory timeouts = new SimpleClientHttpRequestFactory();
        timeouts.setConnectTimeout(properties.firstPageTimeout());
        timeouts.setReadTimeout(properties.firstPageTimeout());
        this.notifier = RestClient.builder().baseUrl(properties.internalBase()).requestFactory(timeouts).build();
    }

    /** The notifier's answer to {@code GET /api/notifications/all?limit=20} for this session, if it came in time. */
    Optional<String> firstPage(String sessionId) {
        try {
            return Optional.ofNullable(notifier.get()
                    .uri("/api/notifications/all?limit={limit}", PAGE_SIZE)
                    .header(CookieOrTokenSessionIdResolver.TOKEN_HEADER, sessionId)
                    .accept(MediaType.APPLICATION_JSON)
                    .retrieve()
                    .body(String.class));
        } catch (RestClientException late) {
            // The session id is a credential: the message never names it (it is in no URL either).
            log.debug("The notifier gave no first page in time ({}); the page's script asks it", late.getClass().getSimpleName());
            return Optional.empty();
        }
    }
}
