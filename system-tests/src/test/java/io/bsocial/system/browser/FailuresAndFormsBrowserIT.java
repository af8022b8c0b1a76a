package io.bsocial.system.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.devtools.NetworkInterceptor;
import org.openqa.selenium.remote.http.Contents;
import org.openqa.selenium.remote.http.HttpMethod;
import org.openqa.selenium.remote.http.HttpResponse;
import org.openqa.selenium.remote.http.Route;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.bsocial.system.browser.Browser.Screen;
import io.bsocial.web.support.ApiClient;
import io.bsocial.system.support.EndToEnd;
import io.bsocial.web.support.TestUsers;
import io.bsocial.web.support.TestUsers.LoggedIn;

/**
 * When something fails, and forms, as a person meets them on a desktop (1280×900) and a phone
 * (390×844): an expired session leads to the login page and back with the draft; a server error
 * and a dropped network say so and keep the text; a 4xx says its detail by the field; buttons
 * wait with a spinner; the console stays clean; the boxes count near their limit and send on
 * Ctrl+Enter; a new comment shows where it can be seen; login and registration keep what was
 * typed, mark and focus the wrong field, and registering logs in. Runs on the {@link EndToEnd}
 * system, so that the notifier is there and its scripts have nothing to complain about.
 */
class FailuresAndFormsBrowserIT extends EndToEnd {

    @Autowired
    JdbcClient jdbc;


    @ParameterizedTest
    @EnumSource(Screen.class)
    void postingAndCommentingKeepTheConsoleCleanCountNearTheLimitAndShowTheNewComment(Screen screen) {
        ApiClient api = new ApiClient(port);
        LoggedIn author = TestUsers.create(api, "counted");
        LoggedIn reader = TestUsers.create(api, "chatty");
        TestUsers.follow(api, reader, author);
        long postId = TestUsers.post(api, author, "Talk to me");
        List<Long> comments = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            comments.add(TestUsers.comment(api, reader, postId, "Reply " + i));
        }
        logIn(screen, author);
        browser.consoleErrors();

        // The feed is not empty: posting used to report htmx:oobErrorNoTarget for #empty-feed.
        // 1,990 emoji are 3,980 UTF-16 units but 1,990 characters, as the server counts them.
        assertThat(browser.all("#compose-content-count")).isEmpty();
        browser.script("const box = document.getElementById('compose-content');"
                + " box.value = '\\u{1F600}'.repeat(1990); box.dispatchEvent(new Event('input', {bubbles: true}));");
        browser.find("#compose-content").sendKeys("abc");
        browser.waitForText("#compose-content-count", "7 characters left");
        assertThat(browser.find("#compose-content").getDomAttribute("aria-describedby")).contains("compose-content-count");
        browser.find("#compose-content").sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
        browser.waitFor(d -> browser.all("#feed-items .post .post-content").get(0).getText().endsWith("abc"));
        assertThat(browser.value("#compose-content")).isEmpty();
        assertThat(browser.driver().findElement(By.id("compose-content-count")).isDisplayed()).isFalse();

        // On the post's page only the first 20 comments are loaded; the new one still shows, in view.
        browser.open("/posts/" + postId);
        assertThat(browser.all("#comments .comment")).hasSize(20);
        browser.type("#comment-content", "My own reply");
        browser.find("#comment-content").sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
        browser.waitForText("#new-comments .comment .comment-content", "My own reply");
        browser.assertInsideViewport("#new-comments .comment");
        assertThat(browser.find("#comments .load-more-button").isDisplayed()).isTrue();
        assertThat(browser.value("#comment-content")).isEmpty();
        assertThat(browser.find("#comment-count-" + postId).getText()).isEqualTo("26 comments");
        // Loading the rest puts it in its place, once.
        browser.click("#comments .load-more-button");
        browser.waitFor(d -> browser.all("#comments .comment").size() == 26);
        assertThat(browser.all("#comments .comment .comment-content").get(25).getText()).isEqualTo("My own reply");
        assertThat(browser.all("#new-comments .comment")).isEmpty();

        assertThat(browser.consoleErrors()).as("console after posting and commenting").isEmpty();

        // Over the limit: the counter says by how much and the button waits; the server's 400 is said by the
        // field, the text stays.
        browser.open("/");
        browser.script("const box = document.getElementById('compose-content');"
                + " box.value = 'x'.repeat(2001); box.dispatchEvent(new Event('input', {bubbles: true}));");
        browser.find("#compose-content").sendKeys("y");
        browser.waitForText("#compose-content-count", "2 characters too many — shorten it to send");
        assertThat(browser.find("#compose-submit").isEnabled()).as("the button waits past the limit").isFalse();
        // Sent anyway (a page whose script did not run, say), the server's 400 is said by the field.
        browser.script("document.getElementById('compose-submit').disabled = false;");
        browser.click("#compose-submit");
        browser.waitForText("#compose-content-error", "A post must be at most 2,000 characters.");
        WebElement box = browser.find("#compose-content");
        assertThat(box.getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(box.getDomAttribute("aria-describedby")).contains("compose-content-error");
        assertThat(browser.focusedId()).isEqualTo("compose-content");
        assertThat(browser.value("#compose-content")).hasSize(2002);
        assertThat(browser.driver().findElement(By.cssSelector("#compose .request-problem")).getDomAttribute("role"))
                .isEqualTo("alert");
    }

    @ParameterizedTest
    @EnumSource(Screen.class)
    void anExpiredSessionLeadsToTheLoginPageAndBackWithTheDraftFromAFormOrAFetch(Screen screen) {
        ApiClient api = new ApiClient(port);
        LoggedIn author = TestUsers.create(api, "expired");
        long postId = TestUsers.post(api, author, "Will this survive?");
        logIn(screen, author);
        browser.open("/posts/" + postId);
        browser.type("#comment-content", "Typed before the session expired");

        browser.expireSession(jdbc);
        browser.click("#comment-submit");

        browser.waitForPath("/login");
        assertThat(browser.path()).isEqualTo("/login?next=%2Fposts%2F" + postId);
        browser.submitLogin(author.username(), TestUsers.PASSWORD);
        browser.waitForPath("/posts/" + postId);
        assertThat(browser.value("#comment-content")).isEqualTo("Typed before the session expired");
        browser.click("#comment-submit");
        browser.waitForText("#new-comments .comment .comment-content", "Typed before the session expired");

        // The notifications page calls the notifier itself (fetch): a 401 there also leads to login and back.
        LoggedIn reader = TestUsers.create(api, "noticer");
        TestUsers.follow(api, reader, author);
        TestUsers.comment(api, reader, postId, "Notice me");
        browser.waitForText("#notification-count", "2"); // the reader's follow, and the comment
        browser.open("/notifications");
        browser.waitFor(d -> browser.find("#notifications-page").getDomAttribute("data-loaded") != null);
        browser.expireSession(jdbc);
        browser.click("#mark-all-read");
        browser.waitForPath("/login");
        assertThat(browser.path()).isEqualTo("/login?next=%2Fnotifications");
        browser.submitLogin(author.username(), TestUsers.PASSWORD);
        browser.waitForPath("/notifications");
    }

    @ParameterizedTest
    @EnumSource(Screen.class)
    void serverErrorsDroppedNetworksAndRefusalsAreSaidAndTheTextStays(Screen screen) {
        ApiClient api = new ApiClient(port);
        LoggedIn me = TestUsers.create(api, "unlucky");
        LoggedIn other = TestUsers.create(api, "faraway");
        long mine = TestUsers.post(api, me, "Words into the void");
        logIn(screen, me);

        // While the request runs (the network made slow) the button is disabled and spins.
        browser.network(false, 1500);
        browser.type("#compose-content", "Slowly but surely");
        browser.click("#compose-submit");
        WebElement submit = browser.find("#compose-submit");
        assertThat(submit.isEnabled()).isFalse();
        assertThat(browser.find("#compose-submit .htmx-indicator").isDisplayed()).isTrue();
        browser.waitForText("#feed-items .post .post-content", "Slowly but surely");
        browser.waitFor(d -> browser.find("#compose-submit").isEnabled());
        assertThat(browser.driver().findElement(By.cssSelector("#compose-submit .htmx-indicator")).isDisplayed()).isFalse();
        browser.network(false, 0);

        // A server error: a dismissible message in the form, the text kept, the button usable again.
        Route failing = Route.matching(request -> request.getMethod() == HttpMethod.POST && request.getUri().endsWith("/posts"))
                .to(() -> request -> new HttpResponse().setStatus(500)
                        .setHeader("Content-Type", "application/problem+json")
                        .setContent(Contents.utf8String("{\"status\":500,\"detail\":\"Something went wrong on our side.\"}")));
        try (NetworkInterceptor serverDown = new NetworkInterceptor(browser.driver(), failing)) {
            browser.type("#compose-content", "Not lost on a 500");
            browser.click("#compose-submit");
            browser.waitForText("#compose .request-problem", "Couldn’t post — try again");
        }
        WebElement message = browser.find("#compose .request-problem");
        assertThat(message.getDomAttribute("role")).isEqualTo("alert");
        assertThat(browser.value("#compose-content")).isEqualTo("Not lost on a 500");
        assertThat(browser.find("#compose-submit").isEnabled()).isTrue();
        browser.assertInsideViewport("#compose .request-problem");
        browser.screenshot(screenshot("failure-message", screen));
        browser.click("#compose .request-problem .btn-close");
        browser.waitFor(d -> browser.all("#compose .request-problem").isEmpty());

        // The network drops: commenting says so, and keeps the comment.
        browser.open("/posts/" + mine);
        browser.type("#comment-content", "Sent into the void");
        browser.network(true, 0);
        try {
            browser.click("#comment-submit");
            browser.waitForText("#comment-form .request-problem", "Couldn’t comment — try again");
            assertThat(browser.value("#comment-content")).isEqualTo("Sent into the void");
        } finally {
            browser.network(false, 0);
        }

        // Following with no network: said at the foot of the screen, the button as it was.
        browser.open("/users/" + other.username());
        browser.network(true, 0);
        try {
            browser.click("#follow-button");
            browser.waitForText("#request-messages .request-problem", "Couldn’t follow — try again");
            browser.assertInsideViewport("#request-messages .request-problem");
            assertThat(browser.find("#follow-button").getText()).isEqualTo("Follow");
            assertThat(browser.find("#follow-button").isEnabled()).isTrue();
            browser.screenshot(screenshot("failure-follow", screen));
        } finally {
            browser.network(false, 0);
        }
        browser.click("#request-messages .btn-close");
        browser.click("#follow-button");
        browser.waitForText("#follow-button", "Unfollow");

        // A 4xx: meanwhile (in another tab) the person unfollowed the author, whose post they may no longer
        // see; the problem's detail shows by the form, the text stays.
        long theirs = TestUsers.post(api, other, "Only for followers");
        browser.open("/posts/" + theirs);
        browser.type("#comment-content", "Too late?");
        assertThat(api.send("DELETE", "/api/users/" + other.username() + "/follow", null, null, me.auth()).status())
                .isEqualTo(204);
        browser.click("#comment-submit");
        browser.waitForText("#comment-form .request-problem", "This post was deleted, or you can no longer see it.");
        assertThat(browser.value("#comment-content")).isEqualTo("Too late?");
    }

    @ParameterizedTest
    @EnumSource(Screen.class)
    void loginAndRegistrationKeepWhatWasTypedMarkTheWrongFieldAndRegisteringLogsIn(Screen screen) {
        ApiClient api = new ApiClient(port);
        LoggedIn existing = TestUsers.create(api, "exists");
        open(screen);

        // A wrong password keeps the login and puts the focus where the retyping starts.
        browser.open("/login");
        browser.type("#login", existing.username());
        browser.type("#password", "not the password");
        browser.click("#login-submit");
        browser.waitForText("#login-error", "Invalid login or password.");
        assertThat(browser.value("#login")).isEqualTo(existing.username());
        assertThat(browser.value("#password")).isEmpty();
        assertThat(browser.focusedId()).isEqualTo("password");
        assertThat(browser.find("#password").getDomAttribute("aria-describedby")).isEqualTo("login-error");

        // Registration: each mistake by its field, focused, announced; nothing typed is lost, passwords included.
        String username = TestUsers.uniqueUsername("newbie");
        browser.click("#register-link");
        browser.waitForPath("/register");
        browser.type("#firstName", "Nova");
        browser.type("#lastName", "Member");
        browser.type("#username", existing.username());
        browser.type("#email", username + "@example.com");
        browser.type("#password", TestUsers.PASSWORD);
        browser.type("#passwordConfirmation", TestUsers.PASSWORD + "!");
        browser.click("#register-submit");
        browser.waitForText("#passwordConfirmation-error", "Passwords do not match.");
        assertInvalid("passwordConfirmation");
        assertThat(browser.focusedId()).isEqualTo("passwordConfirmation");
        assertThat(browser.driver().findElement(By.cssSelector("#register-form .request-problem")).getDomAttribute("role"))
                .isEqualTo("alert");

        browser.type("#passwordConfirmation", TestUsers.PASSWORD);
        browser.click("#register-submit");
        browser.waitForText("#username-error", "That username is already taken.");
        assertInvalid("username");
        assertThat(browser.find("#username").getDomAttribute("aria-describedby")).isEqualTo("username-hint username-error");
        assertThat(browser.focusedId()).isEqualTo("username");
        assertThat(browser.find("#passwordConfirmation").getDomAttribute("aria-invalid")).isNull();
        assertThat(browser.all("#passwordConfirmation-error")).isEmpty();
        assertThat(browser.value("#firstName")).isEqualTo("Nova");
        assertThat(browser.value("#email")).isEqualTo(username + "@example.com");
        assertThat(browser.value("#password")).isEqualTo(TestUsers.PASSWORD);
        assertThat(browser.value("#passwordConfirmation")).isEqualTo(TestUsers.PASSWORD);

        // Put right, the account is made and its person is on their (empty) feed, logged in.
        browser.type("#username", username);
        browser.click("#register-submit");
        browser.waitForPath("/");
        assertThat(browser.find("#flash").getText()).isEqualTo("Welcome to bSocial, Nova!");
        // (In the navbar's menu, collapsed on a phone.)
        assertThat(browser.driver().findElement(By.id("nav-user")).getDomProperty("textContent")).isEqualTo("Nova Member");
        assertThat(browser.find("#empty-feed").getText()).contains("Nothing here yet");
        browser.type("#compose-content", "Hello, I am new");
        browser.click("#compose-submit");
        browser.waitForText("#feed-items .post .post-content", "Hello, I am new");
        browser.waitFor(d -> !browser.driver().findElement(By.id("empty-feed")).isDisplayed());
    }

    /**
     * Past the budget of posts and comments (300 per 3 hours, the contract's default even here) the
     * compose box says which budget and how long to wait, and keeps what was typed; so does the
     * comment box, which shares the budget.
     */
    @ParameterizedTest
    @EnumSource(Screen.class)
    void pastItsBudgetAFormSaysHowLongToWaitAndKeepsTheText(Screen screen) {
        ApiClient api = new ApiClient(port);
        LoggedIn prolific = TestUsers.create(api, "prolific");
        long first = TestUsers.post(api, prolific, "Post 1 of 300");
        for (int i = 2; i <= 300; i++) {
            TestUsers.post(api, prolific, "Post " + i + " of 300");
        }
        logIn(screen, prolific);

        browser.type("#compose-content", "One more thought");
        browser.click("#compose-submit");
        browser.waitFor(d -> !browser.all("#compose .request-problem").isEmpty());
        String said = browser.find("#compose .request-problem").getText();
        assertThat(said).matches("Too many posts and comments: the limit is 300 per 3 hours\\. Try again in "
                + "(\\d+ hours?( \\d+ minutes?)?|\\d+ minutes?)\\.");
        assertThat(browser.find("#compose .request-problem").getDomAttribute("role")).isEqualTo("alert");
        assertThat(browser.value("#compose-content")).isEqualTo("One more thought");
        assertThat(browser.find("#compose-submit").isEnabled()).isTrue();
        browser.assertInsideViewport("#compose .request-problem");
        browser.screenshot(screenshot("failure-budget", screen));

        browser.open("/posts/" + first);
        browser.type("#comment-content", "And a comment");
        browser.click("#comment-submit");
        browser.waitFor(d -> !browser.all("#comment-form .request-problem").isEmpty());
        assertThat(browser.find("#comment-form .request-problem").getText()).startsWith("Too many posts and comments");
        assertThat(browser.value("#comment-content")).isEqualTo("And a comment");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM posts WHERE author_id = ?").param(prolific.id()).query(Long.class)
                .single()).isEqualTo(300);
    }

    /** A browser of this screen size that can answer requests itself (a server error, say). */
    private void open(Screen screen) {
        browser = Browser.lease("http://localhost:" + port, screen, true);
    }

    private void logIn(Screen screen, LoggedIn who) {
        open(screen);
        browser.logInLive(who);
    }

    private void assertInvalid(String id) {
        WebElement input = browser.find("#" + id);
        assertThat(input.getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(input.getDomAttribute("aria-describedby")).contains(id + "-error");
        assertThat(browser.find("#" + id + "-error").isDisplayed()).isTrue();
    }

    private static Path screenshot(String name, Screen screen) {
        return Path.of("target", "screenshots", name + "-" + screen.label() + ".png");
    }
}
