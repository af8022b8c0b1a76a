package io.bsocial.web.timeline.internal;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.bsocial.web.timeline.FollowerCounts;

/** The top of timeline_authors by follower count, read from its (followers, author_id) index. */
@Repository
class MostFollowed implements FollowerCounts {

    private final JdbcClient jdbc;

    MostFollowed(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Long> mostFollowed(int limit) {
        return jdbc.sql("SELECT author_id FROM timeline_authors WHERE followers > 0"
                        + " ORDER BY followers DESC, author_id DESC LIMIT :limit")
                .param("limit", limit).query(Long.class).list();
    }
}
