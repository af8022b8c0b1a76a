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
    void htmxRequestsOfAnExpiredSessionReloadTheLoginPageAndComeBack() throws Exception {
        mvc.perform(get("/").header("HX-Request", "true")).andExpect(status().isUnauthorized())
                .andExpect(header().string("HX-Redirect", "/login"));
        mvc.perform(get("/feed/more").param("cursor", "x").header("HX-Request", "true")
                        .header("HX-Current-URL", "http://localhost:8080/posts/12?comment=3#comment-3"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("HX-Redirect", "/login?next=%2Fposts%2F12%3Fcomment%3D3"));
        // A form sent with the expired session's CSRF token: log in again, not a silent 403.
        mvc.perform(post("/posts").header("HX-Request", "true").header("X-CSRF-TOKEN", "from-the-expired-session")
                        .header("HX-Current-URL", "http://localhost:8080/users/ada").param("content", "hello"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("HX-Redirect", "/login?next=%2Fusers%2Fada"));
    }

    @Test
    void pagesCarryAStrictContentSecurityPolicy() throws Exception {
        String csp = mvc.perform(get("/login")).andReturn().getResponse().getHeader("Content-Security-Policy");
        assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval")
                .contains("frame-ancestors 'none'");
    }

    @Test
    void theRegistrationFormShowsEveryErrorInline() throws Exception {
        String page = mvc.perform(post("/register").with(TestUsers.fromOwnAddress()).with(csrf())
                        .param("firstName", "").param("lastName", "").param("username", "x")
                        .param("email", "nope").param("password", "short").param("passwordConfirmation", "other"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("First name is required.", "Last name is required.",
                "Username must be 3 to 30", "E-mail must be a valid address.", "Password must be 8 to 128",
                "Passwords do not match.");
        assertThat(page.split("class=\"invalid-feedback\"", -1)).hasSize(7);
        // Each invalid field says so to assistive technology, points at its message, and the first has the focus.
        assertThat(page.split("aria-invalid=\"true\"", -1)).hasSize(7);
        assertThat(page).contains("aria-describedby=\"firstName-error\"", "id=\"firstName-error\"",
                "aria-describedby=\"username-hint username-error\"", "id=\"passwordConfirmation-error\"");
        assertThat(page.split("autofocus=\"autofocus\"", -1)).hasSize(2);
        assertThat(page).containsPattern("id=\"firstName\"[^>]*autofocus");
    }

    @Test
    void aRegistrationErrorKeepsEveryValueButThePasswordsWhichAreNeverWrittenIntoThePage() throws Exception {
        String username = TestUsers.uniqueUsername("keep");
        String page = mvc.perform(post("/register").with(TestUsers.fromOwnAddress()).with(csrf())
                        .param("firstName", "Kept").param("lastName", "Values").param("username", username)
                        .param("email", "not-an-address").param("password", TestUsers.PASSWORD)
                        .param("passwordConfirmation", TestUsers.PASSWORD))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("value=\"Kept\"", "value=\"Values\"", "value=\"" + username + "\"",
                "value=\"not-an-address\"", "E-mail must be a valid address.");
        assertThat(page).doesNotContain(TestUsers.PASSWORD);
        assertThat(page).containsPattern("id=\"email\"[^>]*autofocus");
    }

    @Test
    void registeringLogsInWithANewSessionIdAndANewCsrfTokenAndLandsOnTheEmptyFeed() throws Exception {
        String username = TestUsers.uniqueUsername("joined");
        MvcResult form = mvc.perform(get("/register")).andExpect(status().isOk()).andReturn();
        Cookie before = form.getResponse().getCookie("SESSION");
        String oldToken = csrfToken(form.getResponse().getContentAsString());

        MvcResult registered = mvc.perform(post("/register").with(TestUsers.fromOwnAddress()).cookie(before)
                        .param("_csrf", oldToken)
                        .param("firstName", "Jo").param("lastName", "Ined").param("username", username)
                        .param("email", username + "@example.com")
                        .param("password", TestUsers.PASSWORD).param("passwordConfirmation", TestUsers.PASSWORD))
                .andExpect(redirectedUrl("/")).andReturn();
        Cookie after = registered.getResponse().getCookie("SESSION");
        assertThat(after).isNotNull();
        assertThat(after.getValue()).as("a new session id").isNotEqualTo(before.getValue());
        assertThat(sessionExists(before)).as("the anonymous session id is gone").isFalse();
        assertThat(sessionExists(after)).isTrue();

        MvcResult feed = mvc.perform(get("/").cookie(after).flashAttrs(registered.getFlashMap()))
                .andExpect(status().isOk()).andReturn();
        assertThat(feed.getResponse().getContentAsString())
                .contains("Welcome to bSocial, Jo!", "Nothing here yet", "Jo Ined", "Log out");

        // The token of the anonymous page no longer works; the logged-in page's does.
        mvc.perform(post("/posts").cookie(after).param("_csrf", oldToken).param("content", "first!"))
                .andExpect(status().isForbidden());
        String newToken = csrfToken(feed.getResponse().getContentAsString());
        mvc.perform(post("/posts").cookie(after).param("_csrf", newToken).param("content", "first!"))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void sentByHtmxARegistrationLogsInAndSendsThePageToTheFeed() throws Exception {
        String username = TestUsers.uniqueUsername("hxjoin");
        MvcResult registered = mvc.perform(post("/register").with(TestUsers.fromOwnAddress()).with(csrf())
                        .header("HX-Request", "true")
                        .param("firstName", "Hx").param("lastName", "Joined").param("username", username)
                        .param("email", username + "@example.com")
                        .param("password", TestUsers.PASSWORD).param("passwordConfirmation", TestUsers.PASSWORD))
                .andExpect(status().isNoContent())
                .andExpect(header().string("HX-Redirect", "/"))
                .andReturn();
        Cookie session = registered.getResponse().getCookie("SESSION");
        assertThat(session).isNotNull();
        mvc.perform(get("/").cookie(session)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Hx Joined")));
    }

    @Test
    void aWrongPasswordKeepsTheLoginAndThePageToGoBackTo() throws Exception {
        MvcResult failed = mvc.perform(post("/login").with(csrf())
                        .param("login", "someone@example.com").param("password", "wrong password")
                        .param("next", "/posts/7?comment=9"))
                .andExpect(redirectedUrl("/login?error&next=%2Fposts%2F7%3Fcomment%3D9")).andReturn();

        Cookie session = failed.getResponse().getCookie("SESSION");
        assertThat(session).isNotNull();
        String page = mvc.perform(get("/login").param("error", "").param("next", "/posts/7?comment=9").cookie(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Invalid login or password.", "value=\"someone@example.com\"",
                "name=\"next\" value=\"/posts/7?comment=9\"");
        assertThat(page).containsPattern("id=\"password\"[^>]*autofocus").containsPattern("id=\"password\"[^>]*aria-invalid=\"true\"")
                .containsPattern("id=\"password\"[^>]*aria-describedby=\"login-error\"");
        assertThat(page).doesNotContainPattern("id=\"login\"[^>]*autofocus");
    }

    @Test
    void afterLoggingInThePersonIsBackOnTheirPageButNeverOnAnotherSite() throws Exception {
        String username = TestUsers.uniqueUsername("back");
        register(username).andExpect(redirectedUrl("/"));
        logIn(username, "/posts/7?comment=9").andExpect(redirectedUrl("/posts/7?comment=9"));
        for (String elsewhere : new String[] {"//evil.example/x", "https://evil.example/", "/\\evil.example",
                "javascript:alert(1)", "evil.example", "/ok\r\nSet-Cookie: x=y"}) {
            logIn(username, elsewhere).andExpect(redirectedUrl("/"));
        }
        String page = mvc.perform(get("/login").param("next", "https://evil.example/"))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain("evil.example");
    }

    @Test
    void theRegistrationFormRefusesHiddenCharactersWithTheApisMessages() throws Exception {
        String username = TestUsers.uniqueUsername("hidden");
        String page = mvc.perform(post("/register").with(TestUsers.fromOwnAddress()).with(csrf())
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
        register(username).andExpect(redirectedUrl("/"));
        String page = register(username.toUpperCase()).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("That username is already taken.");
    }

    @Test
    void formsWithoutACsrfTokenAreRefused() throws Exception {
        mvc.perform(post("/register").with(TestUsers.fromOwnAddress()).param("username", "nocsrf"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/login").param("login", "x").param("password", "y")).andExpect(status().isForbidden());
    }

    @Test
    void registerLogInSeeTheFeedWithEscapedNamesThenLogOut() throws Exception {
        String username = TestUsers.uniqueUsername("page");
        mvc.perform(post("/register").with(TestUsers.fromOwnAddress()).with(csrf())
                        .param("firstName", "<script>alert(1)</script>").param("lastName", "O'Brien & \"Co\"")
                        .param("username", username).param("email", username + "@example.com")
                        .param("password", TestUsers.PASSWORD).param("passwordConfirmation", TestUsers.PASSWORD))
                .andExpect(redirectedUrl("/"))
                .andExpect(flash().attribute("message", Matchers.containsString("Welcome")));

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

    private org.springframework.test.web.servlet.ResultActions logIn(String username, String next) throws Exception {
        return mvc.perform(post("/login").with(csrf())
                .param("login", username).param("password", TestUsers.PASSWORD).param("next", next));
    }

    private static String csrfToken(String page) {
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).as("a CSRF token in the page").isTrue();
        return token.group(1);
    }

    private boolean sessionExists(Cookie cookie) {
        String sessionId = new String(java.util.Base64.getDecoder().decode(cookie.getValue()));
        return jdbc.sql("SELECT COUNT(*) FROM spring_session WHERE session_id = ?").param(sessionId)
                .query(Long.class).single() > 0;
    }

    private org.springframework.test.web.servlet.ResultActions register(String username) throws Exception {
        return mvc.perform(post("/register").with(TestUsers.fromOwnAddress()).with(csrf())
                .param("firstName", "Form").param("lastName", "User").param("username", username)
                .param("email", username + "@example.com")
                .param("password", TestUsers.PASSWORD).param("passwordConfirmation", TestUsers.PASSWORD));
    }
}
