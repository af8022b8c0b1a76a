package io.bsocial.web.tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import io.bsocial.shared.security.SessionUser;
import io.bsocial.web.WebIntegrationTest;
import io.bsocial.web.support.ApiClient;
import io.bsocial.web.support.TestUsers;
import io.bsocial.web.support.TestUsers.LoggedIn;

/** The conversation's page parts: the composer's mention warning, the tag page, the reply box. */
@WebIntegrationTest
@AutoConfigureMockMvc
class ConversationPagesTest {

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    private static RequestPostProcessor as(LoggedIn user) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(
                new SessionUser(user.id(), user.username(), "Test", "User"), null,
                List.of(new SimpleGrantedAuthority("ROLE_USER"))));
    }

    @Test
    void theComposerNamesOnlyTheMentionedWhoWouldNotSeeThePost() throws Exception {
        ApiClient api = new ApiClient(port);
        LoggedIn author = TestUsers.create(api, "cpauthor");
        LoggedIn fan = TestUsers.create(api, "cpfan");
        LoggedIn stranger = TestUsers.create(api, "cpstranger");
        TestUsers.follow(api, fan, author);

        MockHttpServletResponse warning = mvc.perform(post("/posts/mention-check").with(csrf()).with(as(author))
                        .header("HX-Request", "true")
                        .param("content", "Hi @" + fan.username() + ", @" + stranger.username() + " and @nobody_x"))
                .andReturn().getResponse();
        assertThat(warning.getStatus()).isEqualTo(200);
        assertThat(warning.getContentAsString()).contains("@" + stranger.username()).contains("won’t see this post")
                .doesNotContain(fan.username()).doesNotContain("nobody_x");
        String none = mvc.perform(post("/posts/mention-check").with(csrf()).with(as(author))
                        .param("content", "Hi @" + fan.username()))
                .andReturn().getResponse().getContentAsString();
        assertThat(none).doesNotContain("won’t see");
    }

    @Test
    void aTagPageShowsItsPostsEscapedAndAMalformedTagIsAPageThatSaysSo() throws Exception {
        ApiClient api = new ApiClient(port);
        LoggedIn author = TestUsers.create(api, "cptag");
        String tag = "cp" + author.username().replace(".", "_");
        TestUsers.post(api, author, "<b>bold?</b> #" + tag);
        MockHttpServletResponse page = mvc.perform(get("/tags/" + tag.toUpperCase()).with(as(author))).andReturn()
                .getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString()).contains("#" + tag).contains("&lt;b&gt;bold?&lt;/b&gt;")
                .contains("href=\"/tags/" + tag + "\"");
        MockHttpServletResponse bad = mvc.perform(get("/tags/1abc").with(as(author))).andReturn().getResponse();
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(bad.getContentAsString()).doesNotContain("Exception");
    }

    @Test
    void theReplyBoxNamesWhomItAnswersAndIsRefusedOnAPostOneMayNotSee() throws Exception {
        ApiClient api = new ApiClient(port);
        LoggedIn author = TestUsers.create(api, "cpreply");
        LoggedIn stranger = TestUsers.create(api, "cpoutsider");
        long post = TestUsers.post(api, author, "Answer me");
        long comment = TestUsers.comment(api, author, post, "First");
        String box = mvc.perform(get("/posts/" + post + "/comments/" + comment + "/reply").with(as(author))
                .header("HX-Request", "true")).andReturn().getResponse().getContentAsString();
        assertThat(box).contains("name=\"parentId\"").contains("value=\"" + comment + "\"").contains("Reply to Test");
        assertThat(mvc.perform(get("/posts/" + post + "/comments/" + comment + "/reply").with(as(stranger))
                .header("HX-Request", "true")).andReturn().getResponse().getStatus()).isEqualTo(404);
    }

}
