package org.opendms.platform.api;

import java.sql.SQLException;

/** Reads what a database failure means, whichever driver raised it. */
public final class Failures {

    private Failures() {
    }

    /** True when a unique constraint refused the write (SQLState 23505 on Derby and PostgreSQL). */
    public static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    if ("23505".equals(s.getSQLState())) {
                        return true;
                    }
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
