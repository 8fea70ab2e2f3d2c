package org.opendms.customer.impl;

import java.sql.Connection;
import java.sql.SQLException;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;

/**
 * One or two characters of a name ("王伟", a surname) on PostgreSQL. The trigram index of migration customer-003
 * needs three characters, so such a search read every customer; migration customer-004 keeps every one- and
 * two-character piece of each name in an indexed column, and this is the condition that lets PostgreSQL use it. For
 * text of one
 * or two characters "the name holds it" and "it is one of the name's pieces" are the same (both compare the search
 * forms literally, wildcards included), so it replaces the LIKE. Embedded Derby (one shop) has no such index and keeps
 * the plain LIKE.
 */
final class NamePieces {

    /** The longest piece indexed; longer text is for the trigram index. */
    static final int LONGEST = 2;

    /**
     * EclipseLink's SQL(): JPQL has no array operator; COLUMN(): the entity does not map the generated column. The
     * cast: the driver binds a varchar, the column holds text.
     */
    private static final String CONDITION = "SQL('? @> ARRAY[CAST(? AS text)]', COLUMN('name_pieces', %s), :%s) = TRUE";

    /** Whether the database is PostgreSQL (the migration ran there); asked once, the database does not change. */
    private volatile Boolean indexed;

    /** True when the name index answers {@code text} (already in search form) on this database. */
    boolean answers(EntityManager em, String text) {
        int length = text.codePointCount(0, text.length());
        return length >= 1 && length <= LONGEST && indexed(em);
    }

    /** The condition on the customer named {@code alias} in the query, with the text as {@code parameter}. */
    static String condition(String alias, String parameter) {
        return String.format(CONDITION, alias, parameter);
    }

    private boolean indexed(EntityManager em) {
        Boolean known = indexed;
        if (known == null) {
            Connection connection = em.unwrap(Connection.class);
            if (connection == null) {
                return false; // no connection yet: the plain LIKE, and ask again next time
            }
            try {
                known = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
            } catch (SQLException e) {
                throw new PersistenceException("could not tell which database holds the customers", e);
            }
            indexed = known;
        }
        return known;
    }
}
