package org.opendms.platform.schema.migrator;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import javax.sql.DataSource;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.FastCheckService;
import liquibase.changelog.RanChangeSet;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.core.DerbyDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * Brings one changelog's schema up to date with Liquibase. Used by the platform's extender for bundles and by
 * persistence tests outside OSGi, so both run migrations exactly the same way.
 */
public final class ChangelogMigrator {

    private ChangelogMigrator() {
    }

    /**
     * Runs every pending changeset of the changelog and returns the id of the last one applied from it. A changelog
     * unchanged since it was last fully applied to this database is not read by Liquibase at all ({@link AppliedMark}).
     *
     * @throws MigrationException when Liquibase fails or a changeset is still pending afterwards
     */
    public static String migrate(DataSource dataSource, String changelogPath, ResourceAccessor resources) {
        return migrate(dataSource, changelogPath, path -> AppliedMark.read(resources, path), () -> resources);
    }

    /**
     * As {@link #migrate(DataSource, String, ResourceAccessor)}, for a caller that reads the changelog's files itself
     * (a bundle's entries) and makes Liquibase's resource accessor only when Liquibase has to run: a restart on which
     * every changelog is unchanged then sets up no Liquibase at all (about 0.7 s of one core, more under load).
     *
     * @param files a file of the changelog (the changelog itself, then the files it includes) by its path, or null
     *              when the caller cannot read it (Liquibase then runs)
     */
    public static String migrate(DataSource dataSource, String changelogPath, Function<String, byte[]> files,
            Supplier<ResourceAccessor> resources) {
        try (Connection connection = dataSource.getConnection()) {
            AppliedMark mark = AppliedMark.of(changelogPath, files);
            if (mark != null) {
                String upToDate = autoCommitted(connection, () -> mark.upToDate(connection));
                if (upToDate != null) {
                    return upToDate; // the very changelog last applied, fully: nothing for Liquibase to do
                }
            }
            String applied = update(connection, changelogPath,
                    mark == null ? List.of(AppliedMark.normalise(changelogPath)) : mark.files(), resources.get());
            if (mark != null) {
                autoCommitted(connection, () -> {
                    mark.record(connection, applied);
                    return null;
                });
            }
            return applied;
        } catch (MigrationException e) {
            throw e;
        } catch (SQLException e) {
            throw new MigrationException(changelogPath + ": " + e.getMessage(), e);
        }
    }

    /** Liquibase's update of the changelog on the connection; returns the last changeset applied from it. */
    @SuppressWarnings("deprecation") // the Liquibase facade is still the simplest stable entry point in 4.x
    private static String update(Connection connection, String changelogPath, List<String> files,
            ResourceAccessor resources) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Liquibase looks its XSDs and services up through the context class loader; without one it throws.
        thread.setContextClassLoader(Liquibase.class.getClassLoader());
        try {
            Map<String, Object> scope = new HashMap<>();
            scope.put(Scope.Attr.ui.name(), new LoggerUIService());
            scope.put(Scope.Attr.resourceAccessor.name(), resources);
            scope.put("liquibase.analytics.enabled", Boolean.FALSE);
            return Scope.child(scope, () -> {
                Database database = DatabaseFactory.getInstance()
                        .findCorrectDatabaseImplementation(new JdbcConnection(connection));
                if (database instanceof DerbyDatabase derby) {
                    // closing must not shut down the embedded engine that the pool and JPA still use
                    derby.setShutdownEmbeddedDerby(false);
                }
                Liquibase liquibase = new Liquibase(changelogPath, resources, database);
                // Liquibase remembers "up to date" per changelog path; after a bundle update that is stale.
                Scope.getCurrentScope().getSingleton(FastCheckService.class).clearCache();
                liquibase.update(new Contexts(), new LabelExpression());
                List<ChangeSet> pending = liquibase.listUnrunChangeSets(new Contexts(), new LabelExpression());
                if (!pending.isEmpty()) {
                    throw new MigrationException(changelogPath + ": " + pending.size()
                            + " changesets still pending after update, first " + pending.get(0).getId());
                }
                return lastApplied(database, files);
            });
        } catch (MigrationException e) {
            throw e;
        } catch (LiquibaseException e) {
            throw new MigrationException(changelogPath + ": " + e.getMessage(), e);
        } catch (Exception e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof MigrationException m) {
                throw m;
            }
            throw new MigrationException(changelogPath + ": " + cause.getMessage(), cause);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * Runs the mark's statements each in its own transaction: on PostgreSQL a failed statement (the mark's table not
     * there yet) would otherwise spoil the transaction Liquibase then uses.
     */
    private static <T> T autoCommitted(Connection connection, SqlWork<T> work) throws SQLException {
        boolean before = connection.getAutoCommit();
        connection.setAutoCommit(true);
        try {
            return work.run();
        } finally {
            connection.setAutoCommit(before);
        }
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run() throws SQLException;
    }

    /** The last changeset run from the changelog or a file it includes. */
    private static String lastApplied(Database database, List<String> files) throws LiquibaseException {
        return database.getRanChangeSetList().stream()
                .filter(r -> files.contains(AppliedMark.normalise(r.getChangeLog())))
                .max(Comparator.comparing(RanChangeSet::getOrderExecuted))
                .map(RanChangeSet::getId)
                .orElse("none");
    }
}
