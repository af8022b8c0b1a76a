package io.bsocial.system.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.bsocial.system.browser.Browser.Screen;
import io.bsocial.system.support.EndToEnd;
import io.bsocial.web.support.ApiClient;
import io.bsocial.web.support.TestUsers;
import io.bsocial.web.support.TestUsers.LoggedIn;

/**
 * The heart under a post, on a desktop (1280×900) and a phone (390×844): a toggle whose count
 * changes in place, the same on the feed and on the post's page; without network it says so and
 * stays as it was, and works again once the network is back.
 */
class LikesBrowserIT extends EndToEnd {

    @ParameterizedTest
    @EnumSource(Screen.class)
    void theHeartTogglesInPlaceAndAFailureChangesNothing(Screen screen) {
        ApiClient api = new ApiClient(port);
        LoggedIn author = TestUsers.create(api, "heartauthor");
        LoggedIn reader = TestUsers.create(api, "heartreader");
        TestUsers.follow(api, reader, author);
        long post = TestUsers.post(api, author, "Worth a heart");
        browser = Browser.lease("http://localhost:" + port, screen);
        browser.logInAs(reader);
        browser.markPage();
        String heart = "#like-" + post;
        assertThat(browser.find(heart).getDomAttribute("aria-pressed")).isEqualTo("false");
        assertThat(browser.find(heart + " .like-count").getText()).isEqualTo("0");

        browser.click(heart);
        browser.waitFor(d -> "true".equals(pressed(heart)));
        assertThat(browser.find(heart + " .like-count").getText()).isEqualTo("1");
        assertThat(browser.isSamePage()).as("in place, no reload").isTrue();
        assertThat(api.get("/api/posts/" + post, reader.auth()).json().get("likedByMe").asBoolean()).isTrue();

        // The post's page says the same; taking the like back there.
        browser.open("/posts/" + post);
        assertThat(browser.find(heart).getDomAttribute("aria-pressed")).isEqualTo("true");
        browser.click(heart);
        browser.waitFor(d -> "false".equals(pressed(heart)));
        assertThat(browser.find(heart + " .like-count").getText()).isEqualTo("0");

        // No network: said at the foot of the screen; nothing changed; it works once the network is back.
        browser.network(true, 0);
        browser.click(heart);
        browser.waitForText("#request-messages .request-problem", "Couldn’t like — try again");
        assertThat(pressed(heart)).isEqualTo("false");
        browser.network(false, 0);
        browser.click(heart);
        browser.waitFor(d -> "true".equals(pressed(heart)));
        assertThat(api.get("/api/posts/" + post, author.auth()).json().get("likeCount").asInt()).isOne();
    }

    @ParameterizedTest
    @EnumSource(Screen.class)
    void aCommentHasItsOwnHeart(Screen screen) {
        ApiClient api = new ApiClient(port);
        LoggedIn author = TestUsers.create(api, "cheartauthor");
        LoggedIn reader = TestUsers.create(api, "cheartreader");
        TestUsers.follow(api, reader, author);
        long post = TestUsers.post(api, author, "Comments below");
        long comment = TestUsers.comment(api, author, post, "A comment worth a heart");
        browser = Browser.lease("http://localhost:" + port, screen);
        browser.logInAs(reader);
        browser.open("/posts/" + post);
        String heart = "#like-comment-" + comment;
        assertThat(pressed(heart)).isEqualTo("false");
        browser.click(heart);
        browser.waitFor(d -> "true".equals(pressed(heart)));
        assertThat(browser.find(heart + " .like-count").getText()).isEqualTo("1");
        assertThat(pressed("#like-" + post)).as("the post's heart is its own").isEqualTo("false");
        browser.driver().navigate().refresh();
        assertThat(pressed(heart)).isEqualTo("true");
        browser.network(true, 0);
        browser.click(heart);
        browser.waitForText("#request-messages .request-problem", "Couldn’t take back your like — try again");
        assertThat(pressed(heart)).isEqualTo("true");
    }

    /** The heart's aria-pressed, read in the page: htmx replaces the button, so no element is held. */
    private String pressed(String heart) {
        return (String) browser.script("const button = document.querySelector(arguments[0]);"
                + " return button && button.getAttribute('aria-pressed');", heart);
    }
}
