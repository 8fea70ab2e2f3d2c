package org.opendms.platform.schema.migrator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import liquibase.resource.DirectoryResourceAccessor;

class ChangelogMigratorTest {

    private static int databases;
    private EmbeddedDataSource dataSource;

    @BeforeEach
    void freshDatabase() {
        dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:migrator" + (++databases));
        dataSource.setCreateDatabase("create");
    }

    @AfterEach
    void dropDatabase() {
        dataSource.setConnectionAttributes("drop=true");
        try (Connection ignored = dataSource.getConnection()) {
            // dropping answers with an exception by design
        } catch (SQLException expected) {
            // Derby reports a successful drop as SQLState 08006
        }
    }

    @Test
    void createsTheSchemaAndReportsTheLastChangeset(@TempDir Path dir) throws Exception {
        Path root = bundleWith(dir.resolve("v1"), "changelog-v1.xml");
        String version = ChangelogMigrator.migrate(dataSource, "db/test/changelog.xml",
                new DirectoryResourceAccessor(root));
        assertEquals("sample-001", version);
        assertEquals(0, countRows("SELECT COUNT(*) FROM sample_note"));
    }

    @Test
    void runningTwiceChangesNothing(@TempDir Path dir) throws Exception {
        Path root = bundleWith(dir.resolve("v1"), "changelog-v1.xml");
        ChangelogMigrator.migrate(dataSource, "db/test/changelog.xml", new DirectoryResourceAccessor(root));
        String again = ChangelogMigrator.migrate(dataSource, "db/test/changelog.xml",
                new DirectoryResourceAccessor(root));
        assertEquals("sample-001", again);
        assertEquals(1, countRows("SELECT COUNT(*) FROM DATABASECHANGELOG"));
    }

    /**
     * A restart with the changelog last applied does not hand it to Liquibase: a history Liquibase would refuse (a
     * checksum changed by hand) goes unnoticed, which shows Liquibase was not asked.
     */
    @Test
    void aRestartWithTheChangelogLastAppliedLeavesLiquibaseOut(@TempDir Path dir) throws Exception {
        Path root = bundleWith(dir.resolve("v1"), "changelog-v1.xml");
        ChangelogMigrator.migrate(dataSource, "db/test/changelog.xml", new DirectoryResourceAccessor(root));
        execute("UPDATE DATABASECHANGELOG SET MD5SUM = '9:00000000000000000000000000000000'");
        assertEquals("sample-001", ChangelogMigrator.migrate(dataSource, "db/test/changelog.xml",
                new DirectoryResourceAccessor(root)));
        // a changelog changed since is Liquibase's again, and it finds the checksum it refuses
        Path v2 = bundleWith(dir.resolve("v2"), "changelog-v2.xml");
        assertThrows(MigrationException.class, () -> ChangelogMigrator.migrate(dataSource, "db/test/changelog.xml",
                new DirectoryResourceAccessor(v2)));
    }

    /** A history edited by hand (a changeset's row deleted to run it again) is Liquibase's business again. */
    @Test
    void aHistoryEditedByHandRunsLiquibaseAgain(@TempDir Path dir) throws Exception {
        Path root = bundleWith(dir.resolve("v1"), "changelog-v1.xml");
        ChangelogMigrator.migrate(dataSource, "db/test/changelog.xml", new DirectoryResourceAccessor(root));
        execute("DROP TABLE sample_note");
        execute("DELETE FROM DATABASECHANGELOG WHERE ID = 'sample-001'");
        assertEquals("sample-001", ChangelogMigrator.migrate(dataSource, "db/test/changelog.xml",
                new DirectoryResourceAccessor(root)));
        assertEquals(0, countRows("SELECT COUNT(*) FROM sample_note"), "the table made again");
    }

    @Test
    void anUpdatedBundleGetsItsNewChangesetsUnderTheSamePath(@TempDir Path dir) throws Exception {
        Path v1 = bundleWith(dir.resolve("v1"), "changelog-v1.xml");
        Path v2 = bundleWith(dir.resolve("v2"), "changelog-v2.xml");
        ChangelogMigrator.migrate(dataSource, "db/test/changelog.xml", new DirectoryResourceAccessor(v1));
        String version = ChangelogMigrator.migrate(dataSource, "db/test/changelog.xml",
                new DirectoryResourceAccessor(v2));
        assertEquals("sample-002", version);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO sample_note (text, author) VALUES ('oil change', 'advisor')");
        }
        assertEquals(1, countRows("SELECT COUNT(*) FROM sample_note WHERE author = 'advisor'"));
    }

    @Test
    void aBrokenChangelogIsReportedWithItsPath(@TempDir Path dir) throws Exception {
        Path root = dir.resolve("broken");
        Files.createDirectories(root.resolve("db/test"));
        Files.writeString(root.resolve("db/test/changelog.xml"), "<databaseChangeLog>not xml");
        MigrationException e = assertThrows(MigrationException.class,
                () -> ChangelogMigrator.migrate(dataSource, "db/test/changelog.xml",
                        new DirectoryResourceAccessor(root)));
        assertTrue(e.getMessage().startsWith("db/test/changelog.xml"), e.getMessage());
    }

    /**
     * A changelog made of included files (parts, settlement) is judged by all of its files: a restart with none of
     * them changed leaves Liquibase out (the tampered checksum goes unnoticed) and reports the last changeset of the
     * included files; a changed included file is Liquibase's again.
     */
    @Test
    void aChangelogOfIncludedFilesIsSkippedOnlyWhileEveryFileIsUnchanged(@TempDir Path dir) throws Exception {
        Path root = dir.resolve("included");
        Files.createDirectories(root.resolve("db/test"));
        Files.writeString(root.resolve("db/test/changelog.xml"), CHANGELOG_HEAD
                + "  <include file=\"test-001.xml\" relativeToChangelogFile=\"true\"/>\n"
                + "  <include file=\"test-002.xml\" relativeToChangelogFile=\"true\"/>\n</databaseChangeLog>\n");
        Files.writeString(root.resolve("db/test/test-001.xml"), CHANGELOG_HEAD + changeSet("test-001", "part")
                + "</databaseChangeLog>\n");
        Files.writeString(root.resolve("db/test/test-002.xml"), CHANGELOG_HEAD + changeSet("test-002", "bin")
                + "</databaseChangeLog>\n");
        assertEquals("test-002", ChangelogMigrator.migrate(dataSource, "db/test/changelog.xml",
                new DirectoryResourceAccessor(root)));
        execute("UPDATE DATABASECHANGELOG SET MD5SUM = '9:00000000000000000000000000000000'");
        assertEquals("test-002", ChangelogMigrator.migrate(dataSource, "db/test/changelog.xml",
                new DirectoryResourceAccessor(root)), "unchanged files: Liquibase not asked");
        Files.writeString(root.resolve("db/test/test-002.xml"), CHANGELOG_HEAD + changeSet("test-002", "bin")
                + changeSet("test-003", "shelf") + "</databaseChangeLog>\n");
        assertThrows(MigrationException.class, () -> ChangelogMigrator.migrate(dataSource, "db/test/changelog.xml",
                new DirectoryResourceAccessor(root)),
                "a changed included file runs Liquibase, which sees the checksum");
    }

    private static final String CHANGELOG_HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\"\n"
            + "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
            + "    xsi:schemaLocation=\"http://www.liquibase.org/xml/ns/dbchangelog"
            + " http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.20.xsd\">\n";

    private static String changeSet(String id, String table) {
        return "  <changeSet id=\"" + id + "\" author=\"opendms\">\n    <createTable tableName=\"" + table
                + "\">\n      <column name=\"id\" type=\"bigint\"/>\n    </createTable>\n  </changeSet>\n";
    }

    private static Path bundleWith(Path root, String resource) throws Exception {
        Files.createDirectories(root.resolve("db/test"));
        try (var in = ChangelogMigratorTest.class.getResourceAsStream("/db/sample/" + resource)) {
            Files.copy(in, root.resolve("db/test/changelog.xml"));
        }
        return root;
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    private int countRows(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getInt(1);
        }
    }
}
