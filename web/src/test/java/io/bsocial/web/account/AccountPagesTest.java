package io.bsocial.web.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import io.bsocial.web.WebIntegrationTest;
import io.bsocial.web.support.ApiClient;
import io.bsocial.web.support.TestUsers;

@WebIntegrationTest
@AutoConfigureMockMvc
class AccountPagesTest {

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anonymousVisitorsSeeTheLandingPageAndAreSentToTheLoginPageFromAnyOther() throws Exception {
        mvc.perform(get("/")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"landing-login\"")));
        mvc.perform(get("/people")).andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", Matchers.endsWith("/login")));
        mvc.perform(get("/login")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("name=\"_csrf\"")));
    }

    @Test
    void htmxRequestsOfAnExpiredSessionReloadTheLoginPage() throws Exception {
        mvc.perform(get("/").header("HX-Request", "true")).andExpect(status().isUnauthorized())
                .andExpect(header().string("HX-Redirect", "/login"));
    }

    @Test
    void pagesCarryAStrictContentSecurityPolicy() throws Exception {
        String csp = mvc.perform(get("/login")).andReturn().getResponse().getHeader("Content-Security-Policy");
        assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval")
                .contains("frame-ancestors 'none'");
    }

    @Test
    void theRegistrationFormShowsEveryErrorInline() throws Exception {
        String page = mvc.perform(post("/register").with(csrf())
                        .param("firstName", "").param("lastName", "").param("username", "x")
                        .param("email", "nope").param("password", "short").param("passwordConfirmation", "other"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("First name is required.", "Last name is required.",
                "Username must be 3 to 30", "E-mail must be a valid address.", "Password must be 8 to 128",
                "Passwords do not match.");
        assertThat(page.split("class=\"invalid-feedback\"", -1)).hasSize(7);
    }

    @Test
    void theRegistrationFormRefusesHiddenCharactersWithTheApisMessages() throws Exception {
        String username = TestUsers.uniqueUsername("hidden");
        String page = mvc.perform(post("/register").with(csrf())
                        .param("firstName", "\u200B\u200C").param("lastName", "Lee\u202E")
                        .param("username", username).param("email", username + "@example.com")
                        .param("password", "pass\u0000word").param("passwordConfirmation", "pass\u0000word"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("First name is required.",
                "Last name must not contain control or text-direction characters.",
                "Password must not contain control characters.");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM users WHERE username = ?").param(username)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aLoginFormHoldingANulIsAnOrdinaryFailure() throws Exception {
        mvc.perform(post("/login").with(csrf()).param("login", "a\u0000b").param("password", "whatever1"))
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void aTakenUsernameIsShownNextToTheField() throws Exception {
        String username = TestUsers.uniqueUsername("form");
        register(username).andExpect(redirectedUrl("/login"));
        String page = register(username.toUpperCase()).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("That username is already taken.");
    }

    @Test
    void formsWithoutACsrfTokenAreRefused() throws Exception {
        mvc.perform(post("/register").param("username", "nocsrf")).andExpect(status().isForbidden());
        mvc.perform(post("/login").param("login", "x").param("password", "y")).andExpect(status().isForbidden());
    }

    @Test
    void registerLogInSeeTheFeedWithEscapedNamesThenLogOut() throws Exception {
        String username = TestUsers.uniqueUsername("page");
        mvc.perform(post("/register").with(csrf())
                        .param("firstName", "<script>alert(1)</script>").param("lastName", "O'Brien & \"Co\"")
                        .param("username", username).param("email", username + "@example.com")
                        .param("password", TestUsers.PASSWORD).param("passwordConfirmation", TestUsers.PASSWORD))
                .andExpect(redirectedUrl("/login"))
                .andExpect(flash().attribute("message", Matchers.containsString("log in")));

        MvcResult login = mvc.perform(post("/login").with(csrf())
                        .param("login", username).param("password", TestUsers.PASSWORD))
                .andExpect(redirectedUrl("/")).andReturn();
        Cookie session = login.getResponse().getCookie("SESSION");
        assertThat(session).isNotNull();

        String feed = mvc.perform(get("/").cookie(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(feed).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
        assertThat(feed).contains("Log out");

        mvc.perform(post("/logout").with(csrf()).cookie(session)).andExpect(redirectedUrl("/login?logout"));
        String sessionId = new String(java.util.Base64.getDecoder().decode(session.getValue()));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM spring_session WHERE session_id = ?").param(sessionId)
                .query(Long.class).single()).isZero();
        mvc.perform(get("/people").cookie(session)).andExpect(status().is3xxRedirection());
    }

    @Test
    void unknownPagesShowTheErrorPageWithoutInternals() {
        ApiClient api = new ApiClient(port);
        TestUsers.LoggedIn user = TestUsers.create(api, "err");

        ApiClient.Response page = api.get("/no-such-page", "X-Auth-Token", user.token(), "Accept", "text/html");

        assertThat(page.status()).isEqualTo(404);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("There is nothing here.").doesNotContain("Exception")
                .doesNotContain("Whitelabel");
    }

    private org.springframework.test.web.servlet.ResultActions register(String username) throws Exception {
        return mvc.perform(post("/register").with(csrf())
                .param("firstName", "Form").param("lastName", "User").param("username", username)
                .param("email", username + "@example.com")
                .param("password", TestUsers.PASSWORD).param("passwordConfirmation", TestUsers.PASSWORD));
    }
}
