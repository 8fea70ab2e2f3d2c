package org.opendms.distribution.schema;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.opendms.platform.api.schema.SchemaReady;
import org.opendms.platform.schema.migrator.ChangelogMigrator;

import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * Builds the embedded Derby database a new installation starts from: the changelog of every core bundle on the class
 * path applied by the platform's own migrator, each through a class loader of its bundle alone (as Liquibase sees a
 * bundle in Karaf, so its history names the same files), then the engine shut down so the folder can be copied.
 * <p>
 * A first start spent about ten seconds in Liquibase for these changelogs. {@code bin/setenv} copies this database
 * into the dealer home when there is none yet; the start then finds each changelog applied byte for byte (the
 * platform's applied mark) and runs no Liquibase. A bundle whose changelog differs from the one built in (a newer
 * bundle, a hot update) is migrated as on any start.
 *
 * <pre>
 * java -cp … DerbySchemaTemplate target/derby-schema/dms
 * </pre>
 */
public final class DerbySchemaTemplate {

    /** Liquibase logs each statement at INFO through java.util.logging: in the build, warnings are enough. */
    private static final java.util.logging.Logger LIQUIBASE = java.util.logging.Logger.getLogger("liquibase");

    private DerbySchemaTemplate() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: DerbySchemaTemplate <database folder>");
        }
        LIQUIBASE.setLevel(java.util.logging.Level.WARNING);
        Path database = Path.of(args[0]).toAbsolutePath();
        // built beside and renamed when complete: an assembly built at the same time (mvn -T) finds all of it or none
        Path building = database.resolveSibling(database.getFileName() + ".building");
        deleteTree(database);
        deleteTree(building);
        Files.createDirectories(database.getParent());
        System.setProperty("derby.stream.error.file", database.resolveSibling("derby.log").toString());
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName(building.toString());
        dataSource.setCreateDatabase("create");
        List<Changelog> changelogs = changelogsOnClassPath();
        if (changelogs.isEmpty()) {
            throw new IllegalStateException(
                    "no bundle with a " + SchemaReady.CHANGELOG_HEADER + " header on the class path");
        }
        for (Changelog c : changelogs) {
            long started = System.nanoTime();
            try (URLClassLoader bundle = new URLClassLoader(new URL[] { c.jar().toUri().toURL() }, null)) {
                String version = ChangelogMigrator.migrate(dataSource, c.path(), path -> entry(bundle, path),
                        () -> new ClassLoaderResourceAccessor(bundle));
                System.out.printf("%-40s at %s (%d ms)%n", c.bundle(), version, (System.nanoTime() - started)
                        / 1_000_000);
            }
        }
        shutDown(dataSource, building);
        Files.move(building, database);
    }

    /** A bundle's changelog: its symbolic name, the header's path and the jar. */
    record Changelog(String bundle, String path, Path jar) {
    }

    /** Every jar on the class path that names a changelog, by symbolic name: the same database on every build. */
    static List<Changelog> changelogsOnClassPath() throws IOException {
        List<Changelog> found = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path jar = Path.of(entry);
            if (!entry.endsWith(".jar") || !Files.isRegularFile(jar)) {
                continue;
            }
            try (JarFile file = new JarFile(jar.toFile())) {
                Attributes main = file.getManifest() == null ? null : file.getManifest().getMainAttributes();
                String changelog = main == null ? null : main.getValue(SchemaReady.CHANGELOG_HEADER);
                if (changelog != null && !changelog.isBlank()) {
                    String name = main.getValue("Bundle-SymbolicName");
                    found.add(new Changelog(name == null ? jar.getFileName().toString() : name.split(";")[0].trim(),
                            changelog.trim(), jar));
                }
            }
        }
        found.sort(Comparator.comparing(Changelog::bundle));
        return found;
    }

    /** A file of the bundle as its path is written in the header or an include, or null when it has none. */
    private static byte[] entry(ClassLoader bundle, String path) {
        try (InputStream in = bundle.getResourceAsStream(path.startsWith("/") ? path.substring(1) : path)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A clean shutdown: the files are then a complete database that can be copied (Derby's offline backup). */
    private static void shutDown(EmbeddedDataSource dataSource, Path database) {
        dataSource.setCreateDatabase(null);
        dataSource.setShutdownDatabase("shutdown");
        try {
            dataSource.getConnection().close();
            throw new IllegalStateException("Derby did not report the shutdown of " + database);
        } catch (SQLException expected) {
            if (!"08006".equals(expected.getSQLState())) {
                throw new IllegalStateException("Derby did not shut down " + database, expected);
            }
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
