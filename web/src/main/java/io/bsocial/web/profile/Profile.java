package io.bsocial.web.profile;

import java.sql.ResultSet;
import java.sql.SQLException;

/** A user as others see them, with follower counts; never their e-mail. */
public record Profile(long id, String username, String firstName, String lastName, long followers, long following,
        boolean followedByMe) {

    static Profile map(ResultSet rs, int row) throws SQLException {
        return new Profile(rs.getLong("id"), rs.getString("username"), rs.getString("first_name"),
                rs.getString("last_name"), rs.getLong("followers"), rs.getLong("following"),
                rs.getBoolean("followed_by_me"));
    }
}
