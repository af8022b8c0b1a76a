package io.bsocial.web.account.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.bsocial.web.account.AccountKey;

/**
 * Migration 8: recomputes every account's keys with {@link AccountKey} (NFKC, then lower case),
 * which SQL cannot do the same way on H2 and PostgreSQL. Rows registered before it had keys that
 * were only lower-cased, so {@code ｓam@example.com} and {@code sam@example.com} could both exist.
 * Where two existing accounts now share a username or e-mail key, the one that already held it (or
 * else the older) keeps it and the other keeps its old key, logged: the unique constraints hold and
 * both people can still log in.
 * Run by Flyway (Boot hands it {@code JavaMigration} beans) before anything reads the table.
 */
@Component
class NormaliseAccountKeys implements JavaMigration {

    private static final Logger log = LoggerFactory.getLogger(NormaliseAccountKeys.class);

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("8");
    }

    @Override
    public String getDescription() {
        return "normalise account keys";
    }

    @Override
    public Integer getChecksum() {
        return 1;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        Map<Long, Row> rows = new LinkedHashMap<>();
        try (Statement select = connection.createStatement();
                ResultSet rs = select.executeQuery("""
                        SELECT id, username, email, first_name, last_name, username_key, email_key, name_key,
                               last_name_key
                          FROM users ORDER BY id""")) {
            while (rs.next()) {
                rows.put(rs.getLong("id"), new Row(rs.getString("username"), rs.getString("email"),
                        rs.getString("first_name"), rs.getString("last_name"), rs.getString("username_key"),
                        rs.getString("email_key"), rs.getString("name_key"), rs.getString("last_name_key")));
            }
        }
        moveKeys(connection, "username_key", rows, Row::username, Row::usernameKey, Integer.MAX_VALUE);
        moveKeys(connection, "email_key", rows, Row::email, Row::emailKey, AccountRepository.MAX_EMAIL_KEY);
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE users SET name_key = ?, last_name_key = ? WHERE id = ?")) {
            for (Map.Entry<Long, Row> entry : rows.entrySet()) {
                Row row = entry.getValue();
                String nameKey = AccountRepository.nameKey(row.firstName(), row.lastName());
                String lastNameKey = AccountRepository.lastNameKey(row.lastName());
                if (!nameKey.equals(row.nameKey()) || !lastNameKey.equals(row.lastNameKey())) {
                    update.setString(1, nameKey);
                    update.setString(2, lastNameKey);
                    update.setLong(3, entry.getKey());
                    update.addBatch();
                }
            }
            update.executeBatch();
        }
    }

    /**
     * Gives each row of a unique key column its new key where that key is free, oldest row first,
     * repeating while moves free keys for others. The updates run in the order they were decided, so
     * the table passes through exactly the states simulated here and never breaks the constraint.
     */
    private static void moveKeys(Connection connection, String column, Map<Long, Row> rows,
            Function<Row, String> value, Function<Row, String> oldKey, int width) throws SQLException {
        Map<Long, String> current = new HashMap<>();
        rows.forEach((id, row) -> current.put(id, oldKey.apply(row)));
        Set<String> held = new HashSet<>(current.values());
        Map<Long, String> moves = new LinkedHashMap<>();
        boolean moved = true;
        while (moved) {
            moved = false;
            for (Map.Entry<Long, Row> entry : rows.entrySet()) {
                String key = AccountKey.of(value.apply(entry.getValue()));
                String now = current.get(entry.getKey());
                if (!key.equals(now) && key.length() <= width && !held.contains(key)) {
                    held.remove(now);
                    held.add(key);
                    current.put(entry.getKey(), key);
                    moves.put(entry.getKey(), key);
                    moved = true;
                }
            }
        }
        rows.forEach((id, row) -> {
            if (!current.get(id).equals(AccountKey.of(value.apply(row)))) {
                log.warn("account {} keeps its old {}: the normalised one is taken or too long", id, column);
            }
        });
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE users SET " + column + " = ? WHERE id = ?")) {
            for (Map.Entry<Long, String> move : moves.entrySet()) {
                update.setString(1, move.getValue());
                update.setLong(2, move.getKey());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    private record Row(String username, String email, String firstName, String lastName, String usernameKey,
            String emailKey, String nameKey, String lastNameKey) {
    }
}
