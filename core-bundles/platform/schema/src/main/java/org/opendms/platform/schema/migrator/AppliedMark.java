package org.opendms.platform.schema.migrator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

import liquibase.resource.ResourceAccessor;

/**
 * What a successful migration leaves behind so that the next start can skip Liquibase: the changelog's SHA-256, its
 * last changeset and how many of its changesets the database's history held. A start whose changelog is byte for
 * byte the one last applied, on a database whose history still holds exactly those changesets, has nothing to run;
 * Liquibase would still parse the changelog, take its lock and checksum every changeset (about 0.2 s a bundle, on
 * every restart). Anything else (a changed changelog, a history edited by hand, no mark yet) runs Liquibase as before.
 * <p>
 * The mark is the platform's own bookkeeping beside Liquibase's tables, kept by plain JDBC: it must exist before any
 * changelog is read. Writing it never fails a migration (several platforms starting on one database may race for
 * it); without it the next start simply runs Liquibase.
 */
final class AppliedMark {

    private static final String TABLE = "dms_changelog_applied";
    /** A changelog that pulls in other files or reruns changesets cannot be judged by its own bytes. */
    private static final String[] NOT_SELF_CONTAINED = { "<include", "sqlFile", "runAlways", "runOnChange" };

    private final String changelog;
    private final String digest;

    private AppliedMark(String changelog, String digest) {
        this.changelog = changelog;
        this.digest = digest;
    }

    /** The changelog's bytes through Liquibase's accessor, or null when it cannot be read (Liquibase says why). */
    static byte[] read(ResourceAccessor resources, String changelogPath) {
        try (InputStream in = resources.getExisting(changelogPath).openInputStream()) {
            return in.readAllBytes();
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
    }

    /** The changelog's mark as it is now, or null when it cannot be judged by its bytes. */
    static AppliedMark of(byte[] bytes, String changelogPath) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        for (String marker : NOT_SELF_CONTAINED) {
            if (text.contains(marker)) {
                return null;
            }
        }
        try {
            return new AppliedMark(normalise(changelogPath),
                    HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** The last changeset applied, when the database holds this very changelog fully applied; otherwise null. */
    String upToDate(Connection connection) {
        try (PreparedStatement mark = connection.prepareStatement(
                "SELECT last_id, changesets FROM " + TABLE + " WHERE changelog = ? AND digest = ?")) {
            mark.setString(1, changelog);
            mark.setString(2, digest);
            String lastId;
            int changesets;
            try (ResultSet r = mark.executeQuery()) {
                if (!r.next()) {
                    return null;
                }
                lastId = r.getString(1);
                changesets = r.getInt(2);
            }
            return changesets == history(connection, lastId) ? lastId : null;
        } catch (SQLException noMarkYet) {
            return null; // the table does not exist before the first start of this version
        }
    }

    /** Records that the changelog is fully applied up to {@code lastId}; a failure only costs the next start time. */
    void record(Connection connection, String lastId) {
        try {
            int changesets = history(connection, lastId);
            if (changesets < 0) {
                return;
            }
            ensureTable(connection);
            try (PreparedStatement delete = connection
                    .prepareStatement("DELETE FROM " + TABLE + " WHERE changelog = ?");
                    PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO " + TABLE + " (changelog, digest, last_id, changesets) VALUES (?, ?, ?, ?)")) {
                delete.setString(1, changelog);
                delete.executeUpdate();
                insert.setString(1, changelog);
                insert.setString(2, digest);
                insert.setString(3, lastId);
                insert.setInt(4, changesets);
                insert.executeUpdate();
            }
        } catch (SQLException raceOrReadOnly) {
            // another platform wrote it at the same moment, or the account may not create tables: no mark
        }
    }

    /**
     * How many changesets of this changelog the history holds, or -1 when {@code lastId} is not among them (the
     * history was edited since the mark was written).
     */
    private int history(Connection connection, String lastId) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement(
                "SELECT COUNT(*), SUM(CASE WHEN ID = ? THEN 1 ELSE 0 END) FROM DATABASECHANGELOG"
                        + " WHERE FILENAME = ? OR FILENAME = ?")) {
            count.setString(1, lastId);
            count.setString(2, changelog);
            count.setString(3, "/" + changelog);
            try (ResultSet r = count.executeQuery()) {
                r.next();
                return r.getInt(2) > 0 ? r.getInt(1) : -1;
            }
        }
    }

    private static void ensureTable(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.executeQuery("SELECT COUNT(*) FROM " + TABLE).close();
            return;
        } catch (SQLException missing) {
            // created below
        }
        try (Statement s = connection.createStatement()) {
            s.executeUpdate("CREATE TABLE " + TABLE + " (changelog VARCHAR(255) NOT NULL PRIMARY KEY,"
                    + " digest VARCHAR(64) NOT NULL, last_id VARCHAR(255) NOT NULL, changesets INT NOT NULL)");
        }
    }

    private static String normalise(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }
}
