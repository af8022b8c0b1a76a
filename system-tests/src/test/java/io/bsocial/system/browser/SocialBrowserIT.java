package io.bsocial.system.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import io.bsocial.web.support.ApiClient;
import io.bsocial.system.support.EndToEnd;
import io.bsocial.web.support.TestUsers;
import io.bsocial.web.support.TestUsers.LoggedIn;

/**
 * Two people in two real browsers: one follows the other, posts and comments flow without reloads.
 * On the {@link EndToEnd} system, whose web context the other browser tests share.
 */
class SocialBrowserIT extends EndToEnd {

    Browser alice;
    Browser bob;
    LoggedIn aliceAccount;
    LoggedIn bobAccount;

    @BeforeEach
    void twoPeople() {
        ApiClient api = new ApiClient(port);
        aliceAccount = TestUsers.create(api, "alice");
        bobAccount = TestUsers.create(api, "bob");
        alice = Browser.lease("http://localhost:" + port);
        bob = Browser.lease("http://localhost:" + port);
        alice.logInAs(aliceAccount);
        bob.logInAs(bobAccount);
    }

    @AfterEach
    void close() {
        alice.close();
        bob.close();
    }

    @Test
    void followPostAndCommentWithoutReloads() {
        // Bob finds Alice on the People page and follows her from her profile; the button toggles in place.
        bob.open("/people");
        bob.type("#people-search", aliceAccount.username());
        bob.waitFor(d -> d.findElements(By.cssSelector("#people-results .person")).size() == 1);
        bob.click("#people-results .person a");
        bob.waitForPath("/users/" + aliceAccount.username());
        assertThat(bob.find("#follow-to-see").getText()).contains("to see their posts");
        bob.markPage();
        bob.click("#follow-button");
        bob.waitForText("#follow-button", "Unfollow");
        bob.waitForText("#profile-counts", "1 follower");
        assertThat(bob.find("#no-posts").getText()).isEqualTo("No posts yet.");
        assertThat(bob.isSamePage()).isTrue();

        // Alice posts from her feed: the post appears on top without a reload, user content escaped.
        alice.open("/");
        alice.markPage();
        alice.type("#compose-content", "Hello from Alice <b>not bold</b>\nsecond line");
        alice.click("#compose-submit");
        alice.waitForText("#feed-items .post .post-content", "Hello from Alice <b>not bold</b>");
        assertThat(alice.all("#feed-items .post .post-content b")).isEmpty();
        assertThat(alice.find("#compose-content").getDomProperty("value")).isEmpty();
        assertThat(alice.driver().findElement(By.id("empty-feed")).isDisplayed()).isFalse();
        assertThat(alice.isSamePage()).isTrue();

        // Bob sees it in his feed, opens it and comments: the comment appears without a reload.
        bob.open("/");
        bob.waitForText("#feed-items .post .post-content", "Hello from Alice");
        bob.click("#feed-items .post a[href^='/posts/']");
        bob.waitFor(d -> bob.path().startsWith("/posts/"));
        String postPath = bob.path();
        bob.markPage();
        bob.type("#comment-content", "Welcome, Alice! <script>alert('x')</script>");
        bob.click("#comment-submit");
        bob.waitForText("#new-comments .comment .comment-content", "Welcome, Alice! <script>alert('x')</script>");
        bob.waitForText(".post .comment-count", "1 comment");
        assertThat(bob.isSamePage()).isTrue();

        alice.open(postPath);
        alice.waitForText("#comments .comment .comment-content", "Welcome, Alice!");
        bob.screenshot(Path.of("target", "screenshots", "post-page.png"));
    }

    @Test
    void theFeedLoadsMoreByCursor() {
        ApiClient api = new ApiClient(port);
        TestUsers.follow(api, bobAccount, aliceAccount);
        for (int i = 1; i <= 23; i++) {
            TestUsers.post(api, aliceAccount, "numbered post " + i);
        }
        bob.open("/");
        bob.waitFor(d -> bob.all("#feed-items .post").size() == 20);
        assertThat(bob.all("#feed-items .post .post-content").get(0).getText()).isEqualTo("numbered post 23");
        // The button itself, as a keyboard or a page without script uses it (nearing it loads more on its
        // own too: FeedPlaceBrowserIT).
        bob.script("document.querySelector('.load-more-button').removeAttribute('data-auto-load');");
        bob.click(".load-more-button");
        bob.waitFor(d -> bob.all("#feed-items .post").size() == 23);
        assertThat(bob.all("#feed-items .post .post-content").get(22).getText()).isEqualTo("numbered post 1");
        assertThat(bob.all(".load-more-button")).isEmpty();
        bob.screenshot(Path.of("target", "screenshots", "feed.png"));
    }
}
