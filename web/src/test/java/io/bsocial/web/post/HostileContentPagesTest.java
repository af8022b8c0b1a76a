package io.bsocial.web.post;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.bsocial.web.WebIntegrationTest;
import io.bsocial.web.support.ApiClient;
import io.bsocial.web.support.TestUsers;
import io.bsocial.web.support.TestUsers.LoggedIn;

/** User content is stored as typed and every page shows it escaped: no markup of a user ever runs. */
@WebIntegrationTest
class HostileContentPagesTest {

    private static final String HOSTILE = "<script>alert('xss')</script><img src=x onerror=alert(1)> \"q\" & 'a'";
    private static final String ESCAPED = "&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;";

    @LocalServerPort
    int port;

    @Test
    void postsCommentsAndNamesAreEscapedOnEveryPage() {
        ApiClient api = new ApiClient(port);
        LoggedIn author = TestUsers.create(api, "hostile");
        LoggedIn reader = TestUsers.create(api, "reader");
        TestUsers.follow(api, reader, author);
        long postId = TestUsers.post(api, author, HOSTILE);
        api.post("/api/posts/" + postId + "/comments", ApiClient.json(Map.of("content", HOSTILE)), reader.auth());

        String feed = api.get("/", reader.auth()).body();
        assertThat(feed).containsPattern("<textarea id=\"compose-content\"[^>]*></textarea>");
        for (String page : new String[] {"/", "/posts/" + postId, "/users/" + author.username()}) {
            String html = api.get(page, reader.auth()).body();
            assertThat(html).as(page).contains(ESCAPED).doesNotContain("<script>alert").doesNotContain("<img src=x");
        }
    }
}
