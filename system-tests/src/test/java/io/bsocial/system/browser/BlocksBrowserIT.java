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
 * Blocking from a profile page and unblocking from the list of blocked people, on a desktop
 * (1280×900) and a phone (390×844), axe-clean: the block ends the follow and hides the posts at
 * once; a block that fails (no network) says so and changes nothing; muting shows in the list too.
 */
class BlocksBrowserIT extends EndToEnd {

    @ParameterizedTest
    @EnumSource(Screen.class)
    void blockFromAProfileAndUnblockFromTheList(Screen screen) {
        ApiClient api = new ApiClient(port);
        LoggedIn me = TestUsers.create(api, "blkme");
        LoggedIn pest = TestUsers.create(api, "blkpest");
        LoggedIn quiet = TestUsers.create(api, "blkquiet");
        TestUsers.follow(api, me, pest);
        TestUsers.post(api, pest, "A post of the pest's");
        browser = Browser.lease("http://localhost:" + port, screen);
        browser.logInAs(me);

        browser.open("/users/" + pest.username());
        assertThat(browser.find("#profile-posts").getText()).contains("A post of the pest's");
        assertThat(AccessibilityIT.blockingViolations(browser, "a profile with Block and Mute")).isEmpty();

        // Without network the block fails, says so, and nothing changes.
        browser.network(true, 0);
        browser.click("#block-button");
        browser.waitForText("#request-messages .request-problem", "Couldn’t block — try again");
        assertThat(browser.find("#block-button").getText()).isEqualTo("Block");
        browser.network(false, 0);
        browser.consoleErrors(); // htmx reports the failed request there: expected, and read here

        browser.click("#block-button");
        browser.waitForText("#block-button", "Unblock");
        assertThat(browser.all("#follow-button")).isEmpty();
        assertThat(browser.find("#profile-posts").getText()).doesNotContain("A post of the pest's");
        assertThat(browser.find("#followers-link").getText()).isEqualTo("0 followers");
        assertThat(AccessibilityIT.blockingViolations(browser, "a blocked profile")).isEmpty();

        browser.open("/users/" + quiet.username());
        browser.click("#mute-button");
        browser.waitForText("#mute-button", "Unmute");

        browser.open("/settings/blocks");
        browser.waitFor(d -> !browser.all("#blocked-list .person").isEmpty());
        assertThat(browser.find("#blocked-list").getText()).contains("@" + pest.username());
        assertThat(browser.find("#muted-list").getText()).contains("@" + quiet.username());
        assertThat(AccessibilityIT.blockingViolations(browser, "blocked and muted people")).isEmpty();

        browser.click("#unblock-" + pest.username());
        browser.waitFor(d -> !browser.all("#no-blocked").isEmpty());
        assertThat(browser.find("#muted-list").getText()).contains("@" + quiet.username());
        assertThat(api.get("/api/me/blocks", me.auth()).json().get("items")).isEmpty();

        // Unblocked: the profile offers Follow again (nothing was restored).
        browser.open("/users/" + pest.username());
        assertThat(browser.find("#follow-button").getText()).isEqualTo("Follow");
        assertThat(browser.find("#block-button").getText()).isEqualTo("Block");
        assertThat(browser.consoleErrors()).isEmpty();
    }
}
