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
 * A profile's counts lead to its followers and following lists, on a desktop (1280×900) and a
 * phone (390×844): the people, newest follow first, more as one scrolls, a follow button on each;
 * a failed follow from the list says so and changes nothing.
 */
class FollowListsBrowserIT extends EndToEnd {

    @ParameterizedTest
    @EnumSource(Screen.class)
    void theCountsLeadToThePeopleAndTheListFollowsLikeAnyButton(Screen screen) {
        ApiClient api = new ApiClient(port);
        LoggedIn star = TestUsers.create(api, "fliststar");
        LoggedIn viewer = TestUsers.create(api, "flistviewer");
        LoggedIn newest = null;
        for (int i = 0; i < 23; i++) {
            newest = TestUsers.create(api, "flistfan");
            TestUsers.follow(api, newest, star);
        }
        browser = Browser.lease("http://localhost:" + port, screen);
        browser.logInAs(viewer);
        browser.open("/users/" + star.username());
        assertThat(browser.find("#followers-link").getText()).isEqualTo("23 followers");
        browser.click("#followers-link");
        browser.waitForPath("/users/" + star.username() + "/followers");
        assertThat(browser.find("#follow-list-page h1").getText()).isEqualTo("Followers");
        assertThat(browser.all("#follow-list .person").get(0).getText()).contains("@" + newest.username());
        // The rest loads as the reader nears the end.
        browser.script("window.scrollTo(0, document.body.scrollHeight);");
        browser.waitFor(d -> browser.all("#follow-list .person").size() == 23);

        // Following one of them from the list; without network it says so and nothing changes.
        String button = "#follow-" + newest.username();
        browser.network(true, 0);
        browser.click(button);
        browser.waitForText("#request-messages .request-problem", "Couldn’t follow — try again");
        assertThat(browser.find(button).getText()).isEqualTo("Follow");
        browser.network(false, 0);
        browser.consoleErrors(); // htmx reports the failed request there: expected, and read here
        browser.click(button);
        browser.waitForText(button, "Unfollow");

        browser.open("/users/" + viewer.username());
        browser.click("#following-link");
        browser.waitForPath("/users/" + viewer.username() + "/following");
        assertThat(browser.all("#follow-list .person")).hasSize(1);
        assertThat(browser.find("#follow-list .person").getText()).contains("@" + newest.username());
        assertThat(browser.consoleErrors()).isEmpty();
    }
}
