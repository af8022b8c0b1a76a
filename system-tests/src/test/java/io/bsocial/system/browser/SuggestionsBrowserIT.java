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
 * People to follow on the feed, on a desktop (1280×900) beside the posts and on a phone (390×844)
 * under the composer; following one from an empty feed shows their posts at once; a failed follow
 * says so and changes nothing.
 */
class SuggestionsBrowserIT extends EndToEnd {

    @ParameterizedTest
    @EnumSource(Screen.class)
    void followingASuggestedPersonShowsTheirPostsAtOnce(Screen screen) {
        ApiClient api = new ApiClient(port);
        LoggedIn newcomer = TestUsers.create(api, "sugnewcomer");
        LoggedIn friend = TestUsers.create(api, "sugfriend");
        LoggedIn suggested = TestUsers.create(api, "sugsuggested");
        // The newcomer follows a friend who has not posted: an empty feed, and the friend's follow first
        // among the people to follow.
        TestUsers.follow(api, newcomer, friend);
        TestUsers.follow(api, friend, suggested);
        TestUsers.post(api, suggested, "Hello from someone worth following");
        browser = Browser.lease("http://localhost:" + port, screen);
        browser.logInAs(newcomer);
        browser.markPage();
        assertThat(browser.find("#empty-feed").getText()).contains("Nothing here yet");
        assertThat(browser.find("#suggestions-heading").getText()).isEqualTo("People to follow");

        // Where the box is: beside the posts on a desktop, between the composer and the posts on a phone.
        double boxLeft = number("return document.getElementById('suggestions-box').getBoundingClientRect().left;");
        double boxTop = number("return document.getElementById('suggestions-box').getBoundingClientRect().top;");
        double feedRight = number("return document.querySelector('.feed-main').getBoundingClientRect().right;");
        double composeBottom = number("return document.getElementById('compose').getBoundingClientRect().bottom;");
        double feedTop = number("return document.querySelector('.feed-main').getBoundingClientRect().top;");
        if (screen == Screen.DESKTOP) {
            assertThat(boxLeft).as("beside the posts").isGreaterThanOrEqualTo(feedRight);
        } else {
            assertThat(boxTop).as("under the composer").isGreaterThanOrEqualTo(composeBottom);
            assertThat(feedTop).as("above the posts").isGreaterThan(boxTop);
        }

        // Following the suggested person from the box, without network first.
        String button = "#follow-" + suggested.username();
        browser.network(true, 0);
        browser.click(button);
        browser.waitForText("#request-messages .request-problem", "Couldn’t follow — try again");
        assertThat(browser.find(button).getText()).isEqualTo("Follow");
        browser.network(false, 0);
        browser.consoleErrors(); // htmx reports the failed request there: expected, and read here
        browser.click(button);
        browser.waitForText(button, "Unfollow");
        browser.waitForText("#feed-items", "Hello from someone worth following");
        browser.waitFor(d -> !d.findElement(org.openqa.selenium.By.id("empty-feed")).isDisplayed());
        assertThat(browser.isSamePage()).as("no reload").isTrue();
        assertThat(browser.consoleErrors()).isEmpty();
    }

    private double number(String script) {
        return ((Number) browser.script(script)).doubleValue();
    }
}
