package io.bsocial.system.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;

import io.bsocial.system.browser.Browser.Screen;
import io.bsocial.system.support.EndToEnd;
import io.bsocial.web.support.ApiClient;
import io.bsocial.web.support.TestUsers;
import io.bsocial.web.support.TestUsers.LoggedIn;

/**
 * The conversation as a person has it, on a desktop (1280×900) and a phone (390×844): replying
 * under a comment (and a failed reply that keeps its text), an @mention and a #tag as links, the
 * tag's page, and the composer saying who would not see a mention; axe-core clean throughout.
 */
class ConversationBrowserIT extends EndToEnd {

    @ParameterizedTest
    @EnumSource(Screen.class)
    void aReplyJoinsItsThreadIndentedAndAFailedOneKeepsItsText(Screen screen) {
        ApiClient api = new ApiClient(port);
        LoggedIn author = TestUsers.create(api, "threadauthor");
        LoggedIn reader = TestUsers.create(api, "threadreader");
        TestUsers.follow(api, reader, author);
        long post = TestUsers.post(api, author, "Tell me what you think");
        long top = TestUsers.comment(api, author, post, "I will start: it is good.");
        browser = Browser.lease("http://localhost:" + port, screen);
        browser.logInAs(reader);
        browser.open("/posts/" + post);
        browser.markPage();

        browser.click("#comment-" + top + " .reply-button");
        String box = "#reply-content-" + top;
        browser.waitFor(d -> !d.findElements(By.cssSelector(box)).isEmpty());
        // The box takes the keyboard (htmx focuses it as the swap settles).
        browser.waitFor(d -> ("reply-content-" + top).equals(browser.focusedId()));
        Map<String, List<String>> violations = new LinkedHashMap<>();
        violations.put("reply box open", AccessibilityIT.blockingViolations(browser, "reply box"));

        // No network: the reply fails, says so, and its text stays in the box.
        browser.type(box, "Agreed, and more.");
        browser.network(true, 0);
        browser.click("#reply-form-" + top + " .reply-submit");
        browser.waitForText("#reply-form-" + top + " .request-problem", "Couldn’t reply — try again");
        assertThat(browser.value(box)).isEqualTo("Agreed, and more.");
        browser.network(false, 0);
        browser.consoleErrors(); // the failed request's own line

        browser.click("#reply-form-" + top + " .reply-submit");
        browser.waitFor(d -> d.findElements(By.cssSelector("#replies-" + top + " .comment-reply")).size() == 1);
        assertThat(browser.find("#replies-" + top + " .comment-reply .comment-content").getText())
                .isEqualTo("Agreed, and more.");
        assertThat(browser.all("#reply-form-" + top)).as("the box closed").isEmpty();
        assertThat(browser.find("#comment-count-" + post).getText()).isEqualTo("2 comments");
        assertThat(browser.isSamePage()).isTrue();
        // Indented under the comment it belongs to.
        int commentLeft = browser.find("#comment-" + top).getRect().getX();
        int replyLeft = browser.find("#replies-" + top + " .comment-reply").getRect().getX();
        assertThat(replyLeft).isGreaterThan(commentLeft);
        browser.assertInsideViewport("#replies-" + top + " .comment-reply");

        // After a reload the thread is as it was, and a reply to the reply joins the same thread.
        browser.driver().navigate().refresh();
        browser.click("#replies-" + top + " .comment-reply .reply-button");
        browser.type(box, "And a reply to the reply");
        browser.click("#reply-form-" + top + " .reply-submit");
        browser.waitFor(d -> d.findElements(By.cssSelector("#replies-" + top + " .comment-reply")).size() == 2);
        // Cancel closes a box and gives the keyboard back to Reply.
        browser.click("#comment-" + top + " .reply-button");
        browser.waitFor(d -> !d.findElements(By.cssSelector(box)).isEmpty());
        browser.click("#reply-form-" + top + " [data-close-reply]");
        browser.waitFor(d -> d.findElements(By.cssSelector(box)).isEmpty());
        assertThat(browser.consoleErrors()).isEmpty();
        violations.values().removeIf(List::isEmpty);
        assertThat(violations).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Screen.class)
    void mentionsAndTagsAreLinksAndATagHasItsPage(Screen screen) {
        ApiClient api = new ApiClient(port);
        LoggedIn author = TestUsers.create(api, "tagauthor");
        LoggedIn reader = TestUsers.create(api, "tagreader");
        TestUsers.follow(api, reader, author);
        String tag = "engines" + Long.toString(System.nanoTime(), 36);
        long post = TestUsers.post(api, author, "Hello @" + reader.username() + ", see #" + tag + " and @nobody_at_all");
        long older = TestUsers.post(api, author, "Also #" + tag.toUpperCase());
        browser = Browser.lease("http://localhost:" + port, screen);
        browser.logInAs(reader);

        String mention = "#post-" + post + " .post-content a.mention-link";
        assertThat(browser.find(mention).getText()).isEqualTo("@" + reader.username());
        assertThat(browser.find(mention).getDomAttribute("href")).isEqualTo("/users/" + reader.username());
        assertThat(browser.all("#post-" + post + " .post-content a")).as("@nobody_at_all is nobody: plain text").hasSize(2);

        browser.click("#post-" + post + " .post-content a.tag-link");
        browser.waitForPath("/tags/" + tag);
        assertThat(browser.find("#tag-name").getText()).isEqualTo("#" + tag);
        assertThat(browser.all("#tag-posts article.post")).extracting(e -> e.getDomAttribute("data-post-id"))
                .containsExactly(String.valueOf(older), String.valueOf(post));
        assertThat(AccessibilityIT.blockingViolations(browser, "tag page")).isEmpty();

        // A malformed tag is a page that says so, not an error.
        browser.open("/tags/1abc");
        assertThat(browser.driver().getPageSource()).doesNotContain("Exception");
        assertThat(browser.consoleErrors()).allMatch(error -> error.contains("400"));
    }

    @ParameterizedTest
    @EnumSource(Screen.class)
    void theComposerSaysWhoWouldNotSeeAMention(Screen screen) {
        ApiClient api = new ApiClient(port);
        LoggedIn author = TestUsers.create(api, "warnauthor");
        LoggedIn follower = TestUsers.create(api, "warnfan");
        LoggedIn stranger = TestUsers.create(api, "warnstranger");
        TestUsers.follow(api, follower, author);
        browser = Browser.lease("http://localhost:" + port, screen);
        browser.logInAs(author);

        browser.type("#compose-content", "Hi @" + follower.username() + " and @" + stranger.username());
        browser.waitForText("#mention-warning", "@" + stranger.username());
        assertThat(browser.find("#mention-warning").getText()).doesNotContain(follower.username())
                .contains("won’t see this post");
        browser.type("#compose-content", "Only @" + follower.username());
        browser.waitFor(d -> d.findElement(By.id("mention-warning")).getText().isBlank());
        assertThat(browser.all("#feed-items .mention-warning")).as("the warning stays by the box").isEmpty();
        assertThat(browser.consoleErrors()).isEmpty();
    }
}
