package io.bsocial.web.post;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;

import io.bsocial.shared.security.SessionUser;
import io.bsocial.web.WebIntegrationTest;
import io.bsocial.web.support.ApiClient;
import io.bsocial.web.support.TestUsers;
import io.bsocial.web.support.TestUsers.LoggedIn;

/** User content is stored as typed and every page shows it escaped: no markup of a user ever runs. */
@WebIntegrationTest
@AutoConfigureMockMvc
class HostileContentPagesTest {

    private static final String HOSTILE = "<script>alert('xss')</script><img src=x onerror=alert(1)> \"q\" & 'a'";
    private static final String ESCAPED = "&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theComposeBoxRefusesHiddenCharactersWithTheApisMessages(@Autowired MockMvc mvc) throws Exception {
        LoggedIn author = TestUsers.create(new ApiClient(port), "compose");
        var me = authentication(UsernamePasswordAuthenticationToken.authenticated(
                new SessionUser(author.id(), author.username(), "Test", "User"), null,
                List.of(new SimpleGrantedAuthority("ROLE_USER"))));

        // Without htmx the feed comes back with the message (htmx gets it as a problem document: HtmxProblemPagesTest).
        String nul = mvc.perform(post("/posts").with(csrf()).with(me)
                        .param("content", "a\u0000b"))
                .andReturn().getResponse().getContentAsString();
        assertThat(nul).contains("A post must not contain control characters");
        String invisible = mvc.perform(post("/posts").with(csrf()).with(me)
                        .param("content", "\u200B\u2060"))
                .andReturn().getResponse().getContentAsString();
        assertThat(invisible).contains("A post must not be blank.");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM posts WHERE author_id = ?").param(author.id())
                .query(Long.class).single()).isZero();
    }

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
