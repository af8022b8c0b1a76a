package io.bsocial.web.account;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A user as anyone may see them, the contract's user object: no e-mail address; {@code bio} and
 * {@code avatarUrl} are null when there is none. Queries that show people read it with
 * {@link #columns} and {@link #read}, so every author, mention and commenter carries the same fields.
 */
public record UserView(long id, String username, String firstName, String lastName, String bio, String avatarUrl) {

    /**
     * SQL: the select list of the user at table alias {@code users}, each column named with
     * {@code prefix} (the avatar's version by its primary key: one probe per row).
     */
    public static String columns(String users, String prefix) {
        return users + ".id AS " + prefix + "id, " + users + ".username AS " + prefix + "username, "
                + users + ".first_name AS " + prefix + "first_name, " + users + ".last_name AS " + prefix + "last_name, "
                + users + ".bio AS " + prefix + "bio, (SELECT av.version FROM avatars av WHERE av.user_id = " + users
                + ".id) AS " + prefix + "avatar_version";
    }

    /** The user read from the columns {@link #columns} named with {@code prefix}. */
    public static UserView read(ResultSet rs, String prefix) throws SQLException {
        String username = rs.getString(prefix + "username");
        return new UserView(rs.getLong(prefix + "id"), username, rs.getString(prefix + "first_name"),
                rs.getString(prefix + "last_name"), rs.getString(prefix + "bio"),
                AvatarUrl.of(username, rs.getObject(prefix + "avatar_version", Long.class)));
    }
}
