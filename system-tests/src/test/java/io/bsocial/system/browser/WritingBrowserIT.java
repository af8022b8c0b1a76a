package io.bsocial.system.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.Keys;

import io.bsocial.system.browser.Browser.Screen;
import io.bsocial.system.support.EndToEnd;
import io.bsocial.web.support.ApiClient;
import io.bsocial.web.support.TestUsers;
import io.bsocial.web.support.TestUsers.LoggedIn;

/**
 * Writing as a person does, on a desktop (1280×900) and a phone (390×844): the editor opens with
 * the caret after the text and Escape cancels it; a draft survives a reload; leaving with unsent
 * text asks first; Post waits while the text is over the limit and the counter says why; a post
 * deleted meanwhile is said plainly, on its page and when commenting.
 */
class WritingBrowserIT extends EndToEnd {

    @ParameterizedTest
    @EnumSource(Screen.class)
    void theEditorStartsAtTheEndAndEscapeCancels(Screen screen) {
        ApiClient api = new ApiClient(port);
        LoggedIn author = TestUsers.create(api, "caret");
        long postId = TestUsers.post(api, author, "First comment on this");
        browser = Browser.lease("http://localhost:" + port, screen);
        browser.logInAs(author);
        String card = "#post-" + postId;
        String box = "#post-edit-content-" + postId;

        browser.click("#post-menu-" + postId);
        browser.click(card + " .edit-item");
        browser.waitFor(d -> box.substring(1).equals(browser.focusedId()));
        browser.find(box).sendKeys(" (edited)");
        assertThat(browser.value(box)).isEqualTo("First comment on this (edited)");

        browser.find(box).sendKeys(Keys.ESCAPE);
        browser.waitForText(card + " .post-content", "First comment on this");
        assertThat(browser.all(box)).isEmpty();
        assertThat(browser.find(card + " .post-content").getText()).isEqualTo("First comment on this");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Screen.class)
    void aDraftSurvivesAReloadAndLeavingWithUnsentTextAsksFirst(Screen screen) {
        ApiClient api = new ApiClient(port);
        LoggedIn author = TestUsers.create(api, "drafter");
        long postId = TestUsers.post(api, author, "Something to comment on");
        browser = Browser.lease("http://localhost:" + port, screen);
        browser.logInAs(author);

        browser.type("#compose-content", "Half a thought");
        browser.driver().navigate().refresh();
        browser.find("#feed-page");
        browser.waitFor(d -> "Half a thought".equals(browser.value("#compose-content")));

        // The comment box keeps its own draft, on its own page.
        browser.open("/posts/" + postId);
        browser.type("#comment-content", "A reply in progress");
        browser.driver().navigate().refresh();
        browser.waitFor(d -> "A reply in progress".equals(browser.value("#comment-content")));

        // Leaving asks: the page cancels the browser's beforeunload, which is what makes a browser ask.
        // (Chromium under WebDriver answers that question itself, so the test asks the page.)
        browser.find("#comment-content").sendKeys(", still");
        assertThat(wouldAskBeforeLeaving()).isTrue();
        assertThat(browser.value("#comment-content")).isEqualTo("A reply in progress, still");

        // Once sent, the draft is gone and leaving asks nothing.
        browser.click("#comment-submit");
        browser.waitForText("#new-comments", "A reply in progress, still");
        browser.waitFor(d -> browser.value("#comment-content").isEmpty());
        assertThat(wouldAskBeforeLeaving()).isFalse();
        browser.driver().navigate().refresh();
        browser.find("#comment-form");
        assertThat(browser.value("#comment-content")).isEmpty();
        // The feed's draft was never sent: it is still there, and it still asks.
        browser.open("/");
        browser.waitFor(d -> "Half a thought".equals(browser.value("#compose-content")));
        assertThat(wouldAskBeforeLeaving()).as("untouched since it was put back: still kept, nothing to ask").isFalse();
        browser.find("#compose-content").sendKeys(" more");
        assertThat(wouldAskBeforeLeaving()).isTrue();
        browser.find("#compose-content").clear();
        browser.find("#compose-content").sendKeys(" ");
        assertThat(wouldAskBeforeLeaving()).as("only white space").isFalse();
        assertThat(browser.consoleErrors()).isEmpty();
    }

    /** Whether leaving now would make the browser ask: the page cancelled beforeunload. */
    private boolean wouldAskBeforeLeaving() {
        return Boolean.TRUE.equals(browser.script("const leaving = new Event('beforeunload', {cancelable: true});"
                + " window.dispatchEvent(leaving); return leaving.defaultPrevented;"));
    }

    @ParameterizedTest
    @EnumSource(Screen.class)
    void postWaitsWhileTheTextIsOverTheLimit(Screen screen) {
        LoggedIn author = TestUsers.create(new ApiClient(port), "overlimit");
        browser = Browser.lease("http://localhost:" + port, screen);
        browser.logInAs(author);
        browser.script("const box = document.getElementById('compose-content');"
                + " box.value = 'x'.repeat(2000); box.dispatchEvent(new Event('input', {bubbles: true}));");
        browser.waitForText("#compose-content-count", "0 characters left");
        assertThat(browser.find("#compose-submit").isEnabled()).isTrue();

        browser.find("#compose-content").sendKeys("yz");
        browser.waitForText("#compose-content-count", "2 characters too many — shorten it to send");
        assertThat(browser.find("#compose-submit").isEnabled()).isFalse();
        assertThat(browser.find("#compose-submit").getDomAttribute("aria-describedby")).isEqualTo("compose-content-count");
        // Ctrl+Enter waits too.
        browser.find("#compose-content").sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
        assertThat(browser.all("#feed-items .post")).isEmpty();

        browser.find("#compose-content").sendKeys(Keys.BACK_SPACE, Keys.BACK_SPACE);
        browser.waitFor(d -> browser.find("#compose-submit").isEnabled());
        browser.click("#compose-submit");
        browser.waitFor(d -> browser.all("#feed-items .post").size() == 1);
    }

    @ParameterizedTest
    @EnumSource(Screen.class)
    void aPostDeletedMeanwhileIsSaidPlainly(Screen screen) {
        ApiClient api = new ApiClient(port);
        LoggedIn author = TestUsers.create(api, "goneauthor");
        LoggedIn reader = TestUsers.create(api, "gonereader");
        TestUsers.follow(api, reader, author);
        long postId = TestUsers.post(api, author, "Here for a moment");
        browser = Browser.lease("http://localhost:" + port, screen);
        browser.logInAs(reader);
        browser.open("/posts/" + postId);
        browser.type("#comment-content", "Too late?");
        assertThat(api.send("DELETE", "/api/posts/" + postId, null, null, author.auth()).status()).isEqualTo(204);

        browser.click("#comment-submit");
        browser.waitForText("#comment-form .request-problem", "This post was deleted, or you can no longer see it.");
        assertThat(browser.value("#comment-content")).isEqualTo("Too late?");

        browser.find("#comment-content").clear();
        browser.driver().navigate().refresh();
        assertThat(browser.find("#post-gone h1").getText()).isEqualTo("This post isn’t here any more");
        assertThat(browser.find("#post-gone").getText()).contains("It was deleted, or you can no longer see it.");
        browser.click("#post-gone a.btn");
        browser.find("#feed-page");
    }

}
