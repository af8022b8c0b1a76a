package io.bsocial.notifier.directory;

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
@Import(UserDirectory.class)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@Tag("db")
class UserDirectoryTest {

    @Autowired
    UserDirectory directory;

    @Test
    void aRegisteredUserIsKnownByTheDirectorysNameAndUsername() {
        long id = Events.nextId();
        directory.on(EventJson.write(Events.registered(id, "ada" + id, "Ada", "Lovelace")));

        assertThat(directory.actor(id, "as-the-event-says"))
                .isEqualTo(new Actor(id, "ada" + id, "Ada", "Lovelace"));
    }

    @Test
    void someoneNotRegisteredYetIsKnownByTheCallersUsernameWithoutAName() {
        long id = Events.nextId();

        assertThat(directory.actor(id, "newcomer")).isEqualTo(new Actor(id, "newcomer", null, null));
    }
}
