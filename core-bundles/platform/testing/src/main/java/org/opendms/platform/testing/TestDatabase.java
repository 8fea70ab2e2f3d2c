package org.opendms.platform.testing;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;
import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.opendms.platform.schema.migrator.ChangelogMigrator;
import org.postgresql.ds.PGSimpleDataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * A real, empty database for one test class: embedded Derby in memory, or a fresh schema in the PostgreSQL on
 * 127.0.0.1:5432. PostgreSQL tests are skipped when nothing listens there, except under CI ({@code CI=true}),
 * where a missing server fails the run instead of silently skipping.
 */
public final class TestDatabase implements AutoCloseable {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String PG_HOST = System.getProperty("dms.test.pg.host", "127.0.0.1");
    private static final int PG_PORT = Integer.getInteger("dms.test.pg.port", 5432);
    private static final String PG_DATABASE = System.getProperty("dms.test.pg.database", "test");
    private static final String PG_USER = System.getProperty("dms.test.pg.user", "postgres");

    private final String kind;
    private final DataSource dataSource;
    private final Runnable dropper;
    private final Map<String, EntityManagerFactory> factories = new HashMap<>();
    private HikariDataSource pool;

    private TestDatabase(String kind, DataSource dataSource, Runnable dropper) {
        this.kind = kind;
        this.dataSource = dataSource;
        this.dropper = dropper;
    }

    public static TestDatabase derby() {
        String name = "memory:dmstest" + COUNTER.incrementAndGet() + "_" + ProcessHandle.current().pid();
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(name);
        ds.setCreateDatabase("create");
        return new TestDatabase("derby", ds, () -> {
            EmbeddedDataSource drop = new EmbeddedDataSource();
            drop.setDatabaseName(name);
            drop.setConnectionAttributes("drop=true");
            try (Connection ignored = drop.getConnection()) {
                // a successful drop is reported as an exception
            } catch (SQLException expected) {
                // SQLState 08006: dropped
            }
        });
    }

    public static TestDatabase postgres() {
        if (!reachable(PG_HOST, PG_PORT)) {
            String why = "PostgreSQL is not listening on " + PG_HOST + ":" + PG_PORT;
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(why + ", and CI must run the PostgreSQL persistence tests");
            }
            Assumptions.abort(why + "; PostgreSQL persistence tests skipped on this machine");
        }
        String schema = "dms_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        PGSimpleDataSource admin = pg(null);
        execute(admin, "CREATE SCHEMA " + schema);
        return new TestDatabase("postgresql", pg(schema), () -> execute(admin, "DROP SCHEMA " + schema + " CASCADE"));
    }

    private static PGSimpleDataSource pg(String schema) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] { PG_HOST });
        ds.setPortNumbers(new int[] { PG_PORT });
        ds.setDatabaseName(PG_DATABASE);
        ds.setUser(PG_USER);
        if (schema != null) {
            ds.setCurrentSchema(schema);
        }
        return ds;
    }

    private static boolean reachable(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 1000);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static void execute(DataSource ds, String sql) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    public String kind() {
        return kind;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Runs a changelog found on the test class path, exactly as the platform runs it for a bundle. */
    public String migrate(String changelogPath) {
        return ChangelogMigrator.migrate(dataSource, changelogPath,
                new ClassLoaderResourceAccessor(TestDatabase.class.getClassLoader()));
    }

    /** An EntityManagerFactory for a persistence unit on this database; EclipseLink generates no DDL. */
    public synchronized EntityManagerFactory entityManagerFactory(String unit) {
        return factories.computeIfAbsent(unit, u -> {
            Map<String, Object> props = new HashMap<>();
            props.put("javax.persistence.nonJtaDataSource", pool != null ? pool : dataSource);
            props.put("eclipselink.ddl-generation", "none");
            props.put("eclipselink.logging.level", "WARNING");
            props.put("eclipselink.weaving", "false");
            return Persistence.createEntityManagerFactory(u, props);
        });
    }

    /**
     * From now on the persistence units of this database borrow their connections from a pool of at most
     * {@code size}, as pax-jdbc's pool lends them to the services in Karaf; without it every transaction opens a new
     * connection, which a benchmark would count as the service's time. Call before the first {@link #jpa}.
     */
    public synchronized TestDatabase pooled(int size) {
        if (!factories.isEmpty()) {
            throw new IllegalStateException("pooled() must come before the first persistence unit");
        }
        HikariConfig c = new HikariConfig();
        c.setDataSource(dataSource);
        c.setMaximumPoolSize(size);
        c.setAutoCommit(false);
        pool = new HikariDataSource(c);
        return this;
    }

    public LocalJpaTemplate jpa(String unit) {
        return new LocalJpaTemplate(entityManagerFactory(unit));
    }

    /** Runs SQL directly, to look at what a service stored without going through it. */
    public long count(String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                var r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        factories.values().forEach(EntityManagerFactory::close);
        factories.clear();
        if (pool != null) {
            pool.close();
        }
        dropper.run();
    }

    @Override
    public String toString() {
        return kind;
    }
}
