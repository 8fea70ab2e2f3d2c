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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import liquibase.resource.ResourceAccessor;

/**
 * What a successful migration leaves behind so that the next start can skip Liquibase: the SHA-256 of the changelog
 * and of every file it includes, its last changeset and how many of its changesets the database's history held. A
 * start whose files are byte for byte the ones last applied, on a database whose history still holds exactly those
 * changesets, has nothing to run; Liquibase would still parse the changelog, take its lock and checksum every
 * changeset (about 0.2 s a bundle, several seconds for a changelog of many files, on every restart). Anything else (a
 * changed file, a history edited by hand, no mark yet) runs Liquibase as before.
 * <p>
 * Includes are followed when they name a file relative to the including one (the house style); a changelog that
 * includes otherwise, pulls in SQL files or reruns changesets cannot be judged by its bytes and always runs Liquibase.
 * <p>
 * The mark is the platform's own bookkeeping beside Liquibase's tables, kept by plain JDBC: it must exist before any
 * changelog is read. Writing it never fails a migration (several platforms starting on one database may race for
 * it); without it the next start simply runs Liquibase.
 */
final class AppliedMark {

    private static final String TABLE = "dms_changelog_applied";
    /** What makes a file's bytes say less than what Liquibase will run. */
    private static final String[] NOT_SELF_CONTAINED = { "<includeAll", "sqlFile", "runAlways", "runOnChange" };
    private static final Pattern INCLUDE = Pattern.compile("<include\\s([^>]*)>");
    private static final Pattern FILE = Pattern.compile("\\bfile\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern RELATIVE = Pattern.compile("\\brelativeToChangelogFile\\s*=\\s*\"true\"");
    /** Deeper nesting than this is not house style; such a changelog runs Liquibase. */
    private static final int MAX_DEPTH = 4;

    private final String changelog;
    private final List<String> files;
    private final String digest;

    private AppliedMark(String changelog, List<String> files, String digest) {
        this.changelog = changelog;
        this.files = List.copyOf(files);
        this.digest = digest;
    }

    /** A file through Liquibase's accessor, or null when it cannot be read (Liquibase then says why). */
    static byte[] read(ResourceAccessor resources, String path) {
        try (InputStream in = resources.getExisting(path).openInputStream()) {
            return in.readAllBytes();
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
    }

    /**
     * The changelog's mark as it is now, or null when it cannot be judged by the bytes of its files.
     *
     * @param read a file's bytes by its path (as the changelog's own path is written), or null when it cannot be read
     */
    static AppliedMark of(String changelogPath, Function<String, byte[]> read) {
        List<String> files = new ArrayList<>();
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        if (!collect(normalise(changelogPath), read, files, sha, 0)) {
            return null;
        }
        return new AppliedMark(files.get(0), files, HexFormat.of().formatHex(sha.digest()));
    }

    /** Adds the file and, depth first, what it includes; false when the set cannot be judged by its bytes. */
    private static boolean collect(String path, Function<String, byte[]> read, List<String> files, MessageDigest sha,
            int depth) {
        byte[] bytes = depth > MAX_DEPTH || files.contains(path) ? null : read.apply(path);
        if (bytes == null) {
            return false;
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        for (String marker : NOT_SELF_CONTAINED) {
            if (text.contains(marker)) {
                return false;
            }
        }
        files.add(path);
        sha.update(path.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(bytes);
        sha.update((byte) 0);
        String folder = path.contains("/") ? path.substring(0, path.lastIndexOf('/') + 1) : "";
        Matcher include = INCLUDE.matcher(text);
        while (include.find()) {
            Matcher file = FILE.matcher(include.group(1));
            if (!file.find() || !RELATIVE.matcher(include.group(1)).find()
                    || !collect(folder + file.group(1), read, files, sha, depth + 1)) {
                return false;
            }
        }
        return true;
    }

    /** The changelog and the files it includes, as Liquibase records them in its history (without a leading /). */
    List<String> files() {
        return files;
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
     * How many changesets of this changelog's files the history holds, or -1 when {@code lastId} is not among them
     * (the history was edited since the mark was written).
     */
    private int history(Connection connection, String lastId) throws SQLException {
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < files.size() * 2; i++) {
            in.append(i == 0 ? "?" : ", ?");
        }
        try (PreparedStatement count = connection.prepareStatement(
                "SELECT COUNT(*), SUM(CASE WHEN ID = ? THEN 1 ELSE 0 END) FROM DATABASECHANGELOG"
                        + " WHERE FILENAME IN (" + in + ")")) {
            count.setString(1, lastId);
            int p = 2;
            for (String file : files) {
                count.setString(p++, file);
                count.setString(p++, "/" + file);
            }
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

    static String normalise(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }
}
