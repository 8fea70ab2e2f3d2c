package org.opendms.platform.api;

import java.sql.SQLException;
import java.util.Locale;

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

    /**
     * True when the unique constraint of this name refused the write: the drivers name it only in their messages, so
     * the messages of every cause (and next exception) are searched, ignoring case.
     */
    public static boolean isUniqueViolation(Throwable failure, String constraint) {
        if (!isUniqueViolation(failure)) {
            return false;
        }
        String name = constraint.toLowerCase(Locale.ROOT);
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (names(t.getMessage(), name)
                    || t instanceof SQLException sql && sql.getNextException() != null
                            && names(sql.getNextException().getMessage(), name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean names(String message, String constraint) {
        return message != null && message.toLowerCase(Locale.ROOT).contains(constraint);
    }
}
