package org.opendms.reports.impl;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;

/**
 * Plain JDBC on the transaction's connection: the facts are rows of numbers, written and summed in bulk, where an
 * entity per row would only cost.
 */
final class Sql {

    @FunctionalInterface
    interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final Connection connection;

    Sql(EntityManager em) {
        connection = em.unwrap(Connection.class);
        if (connection == null) {
            throw new IllegalStateException("reports read and write inside a transaction");
        }
    }

    int update(String sql, Object... params) {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException(sql, e);
        }
    }

    <T> List<T> query(String sql, Row<T> row, Object... params) {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            bind(ps, params);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row.map(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new PersistenceException(sql, e);
        }
    }

    private static void bind(PreparedStatement ps, Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            int at = i + 1;
            if (p == null) {
                throw new IllegalArgumentException("parameter " + at + " is null: use a typed null");
            } else if (p instanceof Null n) {
                ps.setNull(at, n.sqlType);
            } else if (p instanceof LocalDate d) {
                ps.setDate(at, Date.valueOf(d));
            } else if (p instanceof LocalDateTime t) {
                ps.setTimestamp(at, Timestamp.valueOf(t));
            } else if (p instanceof BigDecimal b) {
                ps.setBigDecimal(at, b);
            } else if (p instanceof Long l) {
                ps.setLong(at, l);
            } else if (p instanceof Integer n) {
                ps.setInt(at, n);
            } else if (p instanceof Boolean b) {
                ps.setInt(at, b ? 1 : 0);
            } else {
                ps.setString(at, p.toString());
            }
        }
    }

    /** A null of a SQL type, for a nullable column. */
    record Null(int sqlType) {
    }

    static Object orNull(LocalDate d) {
        return d == null ? new Null(Types.DATE) : d;
    }

    static Object orNull(Long v) {
        return v == null ? new Null(Types.BIGINT) : v;
    }

    static Object orNull(Integer v) {
        return v == null ? new Null(Types.SMALLINT) : v;
    }

    static Object orNull(String v) {
        return v == null ? new Null(Types.VARCHAR) : v;
    }

    static LocalDate day(ResultSet rs, int column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    /** A sum that is null over no rows, as zero with 2 decimals. */
    static BigDecimal money(ResultSet rs, int column) throws SQLException {
        BigDecimal v = rs.getBigDecimal(column);
        return v == null ? VisitFact.ZERO : v.setScale(2, java.math.RoundingMode.HALF_UP);
    }
}
