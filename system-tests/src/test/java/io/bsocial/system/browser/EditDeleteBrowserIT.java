package io.bsocial.system.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.bsocial.system.browser.Browser.Screen;
import io.bsocial.web.support.ApiClient;
import io.bsocial.system.support.EndToEnd;
import io.bsocial.web.support.TestUsers;
import io.bsocial.web.support.TestUsers.LoggedIn;

/**
 * Editing and deleting one's own posts and comments, on a desktop (1280×900) and a phone
 * (390×844): the menu on one's own items only, editing in place (Save, Cancel, "edited" with the
 * time on hover), deleting after a confirmation dialog, a refused edit said by its box and an
 * expired session that comes back to the editor with the text.
 */
class EditDeleteBrowserIT extends EndToEnd {

    @Autowired
    JdbcClient jdbc;


    @ParameterizedTest
    @EnumSource(Screen.class)
    void theAuthorEditsInPlaceAndDeletesAfterConfirming(Screen screen) {
        ApiClient api = new ApiClient(port);
        LoggedIn author = TestUsers.create(api, "editor");
        LoggedIn reader = TestUsers.create(api, "edreader");
        TestUsers.follow(api, reader, author);
        TestUsers.follow(api, author, reader);
        long othersPost = TestUsers.post(api, reader, "Not yours to change");
        long postId = TestUsers.post(api, author, "Frist post");
        long readerComment = TestUsers.comment(api, reader, postId, "Nice one");
        long ownComment = TestUsers.comment(api, author, postId, "Thanks");
        logIn(screen, author);
        browser.consoleErrors();
        String card = "#post-" + postId;

        // Only one's own items can be edited (others' have a menu to report them).
        assertThat(browser.all("#post-" + othersPost + " .item-menu-toggle")).isEmpty();
        openMenu(card);
        browser.click(card + " .edit-item");
        String box = "#post-edit-content-" + postId;
        browser.waitFor(d -> box.substring(1).equals(browser.focusedId()));
        assertThat(browser.value(box)).isEqualTo("Frist post");
        browser.type(box, "First post, fixed");
        browser.click(card + " .edit-save");
        browser.waitForText(card + " .post-content", "First post, fixed");
        assertThat(browser.find(card + " .edited").getDomAttribute("title")).startsWith("Edited ");
        browser.waitFor(d -> ("post-menu-" + postId).equals(browser.focusedId()));

        // Cancel puts the item back as it was.
        openMenu(card);
        browser.click(card + " .edit-item");
        browser.type(box, "Never mind");
        browser.click(card + " .edit-cancel");
        browser.waitFor(d -> browser.all(box).isEmpty());
        assertThat(browser.find(card + " .post-content").getText()).isEqualTo("First post, fixed");

        // On the post's page: one's own comment is edited and deleted, the other's has no menu.
        browser.open("/posts/" + postId);
        assertThat(browser.all("#comment-" + readerComment + " .item-menu-toggle")).isEmpty();
        String item = "#comment-" + ownComment;
        openMenu(item);
        browser.click(item + " .edit-item");
        browser.type("#comment-edit-content-" + ownComment, "Thanks a lot");
        browser.find("#comment-edit-content-" + ownComment).sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
        browser.waitForText(item + " .comment-content", "Thanks a lot");
        assertThat(browser.find(item + " .edited").isDisplayed()).isTrue();
        openMenu(item);
        browser.click(item + " .delete-item");
        waitForDialog("Delete this comment?");
        assertThat(browser.focusedId()).as("the safe choice has the focus").isEqualTo("delete-cancel");
        browser.click("#delete-confirm");
        browser.waitFor(d -> browser.all(item).isEmpty());
        browser.waitFor(d -> !browser.driver().findElement(By.id("delete-dialog")).isDisplayed());
        assertThat(browser.find("#comment-count-" + postId).getText()).isEqualTo("1 comment");

        // In the feed: Cancel keeps the post, confirming deletes it.
        browser.open("/");
        openMenu(card);
        browser.click(card + " .delete-item");
        waitForDialog("Delete this post?");
        browser.click("#delete-cancel");
        browser.waitFor(d -> !browser.driver().findElement(By.id("delete-dialog")).isDisplayed());
        assertThat(browser.all(card)).hasSize(1);
        browser.waitFor(d -> ("post-menu-" + postId).equals(browser.focusedId()));
        openMenu(card);
        browser.click(card + " .delete-item");
        waitForDialog("Delete this post?");
        browser.click("#delete-confirm");
        browser.waitFor(d -> browser.all(card).isEmpty());
        assertThat(api.get("/api/posts/" + postId, author.auth()).status()).isEqualTo(404);
        assertThat(browser.all("#post-" + othersPost)).hasSize(1);

        assertThat(browser.consoleErrors()).as("console after editing and deleting").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Screen.class)
    void aRefusedEditIsSaidByItsBoxAndAnExpiredSessionComesBackToTheEditor(Screen screen) {
        ApiClient api = new ApiClient(port);
        LoggedIn author = TestUsers.create(api, "edexpired");
        long postId = TestUsers.post(api, author, "Short");
        logIn(screen, author);
        String card = "#post-" + postId;
        String box = "#post-edit-content-" + postId;

        openMenu(card);
        browser.click(card + " .edit-item");
        browser.type(box, "   ");
        browser.click(card + " .edit-save");
        browser.waitForText(box + "-error", "A post must not be blank.");
        assertThat(browser.find(box).getDomAttribute("aria-invalid")).isEqualTo("true");

        browser.type(box, "Typed before the session expired");
        browser.expireSession(jdbc);
        browser.click(card + " .edit-save");
        browser.waitForPath("/login");
        assertThat(browser.path()).isEqualTo("/login?next=%2F");
        browser.submitLogin(author.username(), TestUsers.PASSWORD);
        browser.waitForPath("/");
        browser.waitFor(d -> "Typed before the session expired".equals(browser.value(box)));
        browser.click(card + " .edit-save");
        browser.waitForText(card + " .post-content", "Typed before the session expired");
        assertThat(api.get("/api/posts/" + postId, author.auth()).json().get("content").asString())
                .isEqualTo("Typed before the session expired");
    }

    private void openMenu(String item) {
        browser.click(item + " .item-menu-toggle");
        browser.waitFor(d -> d.findElement(By.cssSelector(item + " .dropdown-menu")).isDisplayed());
    }

    private void waitForDialog(String title) {
        browser.waitFor(d -> d.findElement(By.id("delete-dialog")).isDisplayed());
        browser.waitForText("#delete-dialog-title", title);
        browser.waitFor(d -> "delete-cancel".equals(browser.focusedId()));
    }

    private void logIn(Screen screen, LoggedIn who) {
        browser = Browser.lease("http://localhost:" + port, screen);
        browser.logInLive(who);
    }
}
