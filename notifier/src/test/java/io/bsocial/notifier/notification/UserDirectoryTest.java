package io.bsocial.notifier.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.bsocial.notifier.support.Events;
import io.bsocial.shared.events.EventJson;

/** Who acted, as the live feed and the notifications show them (H2, and PostgreSQL with -Ppostgres). */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({UserDirectory.class, NotificationRepository.class})
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@Tag("db")
class UserDirectoryTest {

    @Autowired
    UserDirectory directory;

    @Autowired
    NotificationRepository notifications;

    @Test
    void aRegisteredUserIsKnownByTheDirectorysNameAndUsername() {
        long id = Events.nextId();
        directory.on(EventJson.write(Events.registered(id, "ada" + id, "Ada", "Lovelace")));

        assertThat(directory.actor(id, "as-the-event-says"))
                .isEqualTo(new Notification.Actor(id, "ada" + id, "Ada", "Lovelace"));
    }

    @Test
    void someoneNotRegisteredYetIsKnownByTheCallersUsernameWithoutAName() {
        long id = Events.nextId();

        assertThat(directory.actor(id, "newcomer")).isEqualTo(new Notification.Actor(id, "newcomer", null, null));
    }

    @Test
    void aNotificationShowsTheEventsUsernameAndTheDirectorysNamesOnceKnown() {
        long commenter = Events.nextId();
        long author = Events.nextId();
        Notification before = notifications.insert(Events.comment(commenter, "grace", Events.nextId(), author, "a",
                "before she registered")).orElseThrow();
        assertThat(before.actor()).isEqualTo(new Notification.Actor(commenter, "grace", null, null));

        directory.on(EventJson.write(Events.registered(commenter, "grace-renamed", "Grace", "Hopper")));

        assertThat(notifications.find(before.id()).orElseThrow().actor())
                .isEqualTo(new Notification.Actor(commenter, "grace", "Grace", "Hopper"));
    }
}
