package io.bsocial.web.paging;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Answers a page with the next page also in a {@code Link: <...>; rel="next"} header. */
public final class PageResponses {

    private PageResponses() {
    }

    public static <T> ResponseEntity<CursorPage<T>> withNextLink(CursorPage<T> page) {
        ResponseEntity.BodyBuilder response = ResponseEntity.ok();
        if (page.nextCursor() != null) {
            String next = ServletUriComponentsBuilder.fromCurrentRequest()
                    .replaceQueryParam("cursor", page.nextCursor()).build().toUriString();
            response.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
        }
        return response.body(page);
    }
}
