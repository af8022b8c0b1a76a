package io.bsocial.web.follow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.bsocial.shared.sql.SqlTime;
import io.bsocial.web.WebIntegrationTest;
import io.bsocial.web.post.Posts;
import io.bsocial.web.profile.internal.ProfileRepository;

/**
 * The two questions web asks of many people at once, "who of these may see X's posts" (mentions)
 * and "whom of these does X follow" (suggestions), answer exactly for more people than one
 * statement asks about, eight times over: on PostgreSQL the statements are planned once for all
 * parameters after five runs (a generic plan), and must still find every one. Blocks either way
 * and suspensions take a follower out of an author's audience. On H2 and PostgreSQL.
 */
@WebIntegrationTest
class ManyCandidatesTest {

    /** Shaped like a stored hash (other tests look for hash fragments in events); matches no password. */
    private static final String UNUSABLE_HASH =
            "{argon2}$argon2id$v=19$m=16384,t=2,p=1$bm90IGEgc2FsdA$bm90IGEgaGFzaCBvZiBhbnl0aGluZw";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Posts posts;

    @Autowired
    ProfileRepository profiles;

    @Test
    void anAuthorsAudienceAmongManyPeopleIsExactlyTheirFollowersLessBlocksAndSuspensions() {
        long author = user();
        List<Long> people = new ArrayList<>();
        Set<Long> audience = new HashSet<>();
        for (int i = 0; i < 1_200; i++) {
            long person = user();
            people.add(person);
            if (i % 3 == 0) {
                follow(person, author);
                audience.add(person);
            } else {
                follow(person, people.get(0));
            }
        }
        long blockedByAuthor = people.get(3);
        long blockingAuthor = people.get(6);
        long suspended = people.get(9);
        jdbc.sql("INSERT INTO blocks (blocker_id, blocked_id, created_at) VALUES (?, ?, ?)")
                .params(author, blockedByAuthor, SqlTime.of(Instant.now())).update();
        jdbc.sql("INSERT INTO blocks (blocker_id, blocked_id, created_at) VALUES (?, ?, ?)")
                .params(blockingAuthor, author, SqlTime.of(Instant.now())).update();
        jdbc.sql("INSERT INTO suspensions (user_id, suspended_at) VALUES (?, ?)")
                .params(suspended, SqlTime.of(Instant.now())).update();
        audience.removeAll(Set.of(blockedByAuthor, blockingAuthor, suspended));
        assertThat(audience).hasSize(397);

        for (int run = 0; run < 8; run++) {
            assertThat(posts.maySee(author, people)).as("run %d", run).isEqualTo(audience);
        }
        List<Long> withAuthor = new ArrayList<>(people);
        withAuthor.add(author);
        Set<Long> audienceAndAuthor = new HashSet<>(audience);
        audienceAndAuthor.add(author);
        assertThat(posts.maySee(author, withAuthor)).as("the author sees their own posts").isEqualTo(audienceAndAuthor);
        assertThat(posts.maySee(user(), people)).as("nobody follows a newcomer").isEmpty();
        assertThat(posts.maySee(author, List.of())).isEmpty();
    }

    @Test
    void whomSomeoneFollowsAmongManyPeopleIsExactlyFound() {
        long viewer = user();
        List<Long> people = new ArrayList<>();
        Set<Long> followed = new HashSet<>();
        for (int i = 0; i < 1_200; i++) {
            long person = user();
            people.add(person);
            if (i % 4 == 0) {
                follow(viewer, person);
                followed.add(person);
            } else {
                follow(person, viewer);
            }
        }
        for (int run = 0; run < 8; run++) {
            assertThat(profiles.followedAmong(viewer, people)).as("run %d", run).isEqualTo(followed);
        }
        assertThat(profiles.followedAmong(user(), people)).as("a newcomer follows nobody").isEmpty();
        assertThat(profiles.followedAmong(viewer, List.of())).isEmpty();
    }

    private long user() {
        String name = "mc_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        jdbc.sql("""
                INSERT INTO users (username, username_key, email, email_key, first_name, last_name, name_key,
                                   last_name_key, password_hash, registered_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(name, name, name + "@example.com", name + "@example.com", "Many", "Candidates",
                        "many candidates", "candidates", UNUSABLE_HASH, SqlTime.of(Instant.now()))
                .update();
        return jdbc.sql("SELECT id FROM users WHERE username_key = ?").param(name).query(Long.class).single();
    }

    private void follow(long follower, long followee) {
        jdbc.sql("INSERT INTO follows (follower_id, followee_id, created_at) VALUES (?, ?, ?)")
                .params(follower, followee, SqlTime.of(Instant.now())).update();
    }
}
