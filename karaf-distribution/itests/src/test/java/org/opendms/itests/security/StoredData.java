package org.opendms.itests.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * A digest of every row the platform stores, read through the platform's own DataSource (Pax Exam runs this suite
 * inside the container). Two equal digests mean nothing stored changed in between; where they differ,
 * {@link #changedTables} says where.
 */
public final class StoredData {

    /**
     * Tables a refused request may rightly write to: records of the refusal itself (failed logins, access records).
     * Liquibase's own tables, and the platform's mark of the changelogs applied, change only on bundle updates.
     */
    static final Set<String> RECORDS_OF_REQUESTS = Set.of("DATABASECHANGELOG", "DATABASECHANGELOGLOCK",
            "DMS_CHANGELOG_APPLIED", "STAFF_LOGIN_EVENT");

    /**
     * The reports' daily summaries and the days they wait for: computed from the facts half a second after a burst of
     * changes, so an allowed change made just before a probe lands in them during it. Not a way around the check: a
     * summary changes only with the facts of its day (RPT_VISIT, RPT_DOCUMENT), and those are digested.
     */
    static final Set<String> FOLLOW_THE_FACTS = Set.of("RPT_DAY", "RPT_DAY_REVENUE", "RPT_DAY_TECH",
            "RPT_PENDING_DAY");

    private final DataSource dataSource;

    public StoredData(BundleContext context) throws Exception {
        ServiceReference<?>[] refs = context.getServiceReferences(DataSource.class.getName(),
                "(|(dataSourceName=dms)(osgi.jndi.service.name=dms))");
        if (refs == null || refs.length == 0) {
            refs = context.getServiceReferences(DataSource.class.getName(), null);
        }
        this.dataSource = (DataSource) context.getService(Objects.requireNonNull(refs, "no DataSource service")[0]);
    }

    /** The last rows of a table by id, as text: what a finding shows of an unexpected change. */
    public String lastRows(String table, int n) throws Exception {
        StringBuilder b = new StringBuilder();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                java.sql.ResultSet r = s.executeQuery("SELECT * FROM " + table + " ORDER BY id DESC")) {
            int cols = r.getMetaData().getColumnCount();
            for (int i = 0; i < n && r.next(); i++) {
                b.append(" [");
                for (int k = 1; k <= cols; k++) {
                    b.append(k > 1 ? ", " : "").append(r.getString(k));
                }
                b.append(']');
            }
        }
        return b.toString();
    }

    /** One digest per table: its row count and a hash over its rows in any order. */
    public Map<String, String> digest() throws Exception {
        Map<String, String> tables = new TreeMap<>();
        try (Connection c = dataSource.getConnection()) {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] { "TABLE" })) {
                while (rs.next()) {
                    String schema = rs.getString("TABLE_SCHEM");
                    String name = rs.getString("TABLE_NAME");
                    if (schema != null && (schema.startsWith("SYS") || schema.equals("information_schema")
                            || schema.equals("pg_catalog"))) {
                        continue;
                    }
                    if (!RECORDS_OF_REQUESTS.contains(name.toUpperCase())
                            && !FOLLOW_THE_FACTS.contains(name.toUpperCase())) {
                        names.add(schema == null ? quote(name) : quote(schema) + "." + quote(name));
                    }
                }
            }
            try (Statement s = c.createStatement()) {
                for (String table : names) {
                    tables.put(table, digest(s, table));
                }
            }
        }
        return tables;
    }

    private static String digest(Statement s, String table) throws Exception {
        long rows = 0;
        long sum = 0;
        try (ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData meta = rs.getMetaData();
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            while (rs.next()) {
                rows++;
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    Object value = rs.getObject(i);
                    if (value instanceof byte[] bytes) {
                        value = java.util.Arrays.hashCode(bytes);
                    } else if (value instanceof java.sql.Blob blob) {
                        value = blob.length();
                    } else if (value instanceof java.sql.Clob clob) {
                        value = clob.getSubString(1, (int) Math.min(clob.length(), 1_000_000));
                    }
                    row.append(value).append('\u0001');
                }
                byte[] h = sha.digest(row.toString().getBytes(StandardCharsets.UTF_8));
                // order-independent: rows come in no promised order
                sum += java.nio.ByteBuffer.wrap(h).getLong();
            }
        }
        return rows + ":" + Long.toHexString(sum);
    }

    /** The tables whose digest differs between two digests. */
    public static List<String> changedTables(Map<String, String> before, Map<String, String> after) {
        Map<String, String> all = new LinkedHashMap<>(before);
        after.forEach(all::putIfAbsent);
        return all.keySet().stream().filter(t -> !Objects.equals(before.get(t), after.get(t))).toList();
    }

    private static String quote(String name) {
        return '"' + name + '"';
    }
}
