package io.bsocial.system.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.bsocial.system.browser.Browser.Screen;
import io.bsocial.system.support.EndToEnd;
import io.bsocial.web.support.ApiClient;
import io.bsocial.web.support.TestUsers;
import io.bsocial.web.support.TestUsers.LoggedIn;

/**
 * A feed that keeps the reader's place, on a desktop (1280×900) and a phone (390×844): more posts
 * load as the reader nears the end, which says "You're all caught up"; Back from a post puts back
 * what was loaded and where the reader was; posts that their author edits or deletes change in
 * place, live.
 */
class FeedPlaceBrowserIT extends EndToEnd {

    /** Scroll far enough to load every page; answers how many posts the feed then shows. */
    private int scrollToTheEnd() {
        for (int i = 0; i < 20 && browser.all("#feed-items .list-end").isEmpty(); i++) {
            int before = browser.all("#feed-items .post").size();
            browser.script("window.scrollTo(0, document.body.scrollHeight);");
            browser.waitFor(d -> browser.all("#feed-items .post").size() > before
                    || !browser.all("#feed-items .list-end").isEmpty());
        }
        return browser.all("#feed-items .post").size();
    }

    private String postAtTheCentre() {
        return (String) browser.script("const at = document.elementFromPoint(innerWidth / 2, innerHeight / 2);"
                + " const post = at && at.closest('.post'); return post ? post.dataset.postId : null;");
    }

    @ParameterizedTest
    @EnumSource(Screen.class)
    void morePostsLoadNearTheEndAndBackPutsThePlaceBack(Screen screen) {
        ApiClient api = new ApiClient(port);
        LoggedIn author = TestUsers.create(api, "placeauthor");
        LoggedIn reader = TestUsers.create(api, "placereader");
        TestUsers.follow(api, reader, author);
        for (int i = 1; i <= 45; i++) {
            TestUsers.post(api, author, "Post number " + i);
        }
        browser = Browser.lease("http://localhost:" + port, screen);
        browser.logInAs(reader);
        assertThat(browser.all("#feed-items .post")).hasSize(20);
        assertThat(browser.all("#feed-items .list-end")).isEmpty();
        // The button stays for keyboards: it is there, and it is a button.
        assertThat(browser.find("#feed-items .load-more-button").getTagName()).isEqualTo("button");

        // Nearing the end loads the next pages with no click, and the end is said.
        assertThat(scrollToTheEnd()).isEqualTo(45);
        assertThat(browser.find("#feed-items .list-end").getText()).isEqualTo("You’re all caught up.");
        assertThat(browser.all("#feed-items .load-more-button")).isEmpty();

        // Open a post from far down the list, then Back: the same 45 posts, the same place.
        String deep = "#feed-items .post:nth-of-type(40)";
        browser.script("document.querySelector(arguments[0]).scrollIntoView({block: 'center', behavior: 'instant'});", deep);
        long scrolled = ((Number) browser.script("return Math.round(window.scrollY);")).longValue();
        assertThat(scrolled).isGreaterThan(2000);
        String opened = (String) browser.script("return document.querySelector(arguments[0]).dataset.postId;", deep);
        String centred = postAtTheCentre();
        assertThat(centred).isEqualTo(opened);
        browser.script("document.querySelector(arguments[0] + ' .comment-count').click();", deep);
        browser.find("#comment-form");
        browser.driver().navigate().back();
        browser.find("#feed-page");
        browser.waitFor(d -> browser.all("#feed-items .post").size() == 45);
        // The reader sees the post they left, where they left it: in the middle of the screen.
        browser.waitFor(d -> opened.equals(postAtTheCentre()));
        assertThat(((Number) browser.script("return Math.round(window.scrollY);")).longValue())
                .isGreaterThan(scrolled - 200).isLessThan(scrolled + 200);
        assertThat(browser.script("return document.querySelector(arguments[0]).dataset.postId;", deep)).isEqualTo(opened);
        assertThat(browser.find("#feed-items .list-end").isDisplayed()).isTrue();

        // A reload is a fresh start: the first page, at the top.
        browser.driver().navigate().refresh();
        browser.find("#feed-page");
        browser.waitFor(d -> browser.all("#feed-items .post").size() == 20);
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Screen.class)
    void anEditOrADeletionShowsInPlaceLive(Screen screen) {
        ApiClient api = new ApiClient(port);
        LoggedIn author = TestUsers.create(api, "liveeditor");
        LoggedIn reader = TestUsers.create(api, "livereader");
        TestUsers.follow(api, reader, author);
        long edited = TestUsers.post(api, author, "Teh first version");
        long deleted = TestUsers.post(api, author, "Soon gone");
        browser = Browser.lease("http://localhost:" + port, screen);
        browser.logInLive(reader);
        browser.waitFor(d -> "true".equals(
                d.findElement(org.openqa.selenium.By.id("new-posts")).getDomAttribute("data-feed-live")));
        browser.markPage();

        ApiClient.Response edit = api.send("PATCH", "/api/posts/" + edited, "application/json",
                ApiClient.json(Map.of("content", "The first version, fixed")), author.auth());
        assertThat(edit.status()).isEqualTo(200);
        browser.waitForText("#post-" + edited + " .post-content", "The first version, fixed");
        assertThat(browser.find("#post-" + edited + " .edited").isDisplayed()).isTrue();

        assertThat(api.send("DELETE", "/api/posts/" + deleted, null, null, author.auth()).status()).isEqualTo(204);
        browser.waitForText("#post-" + deleted, "This post was deleted.");
        assertThat(browser.isSamePage()).as("no reload").isTrue();
        assertThat(browser.consoleErrors()).isEmpty();
    }
}
