package org.opendms.platform.api.audit;

import java.time.LocalDate;

/**
 * What to look for in the audit trail; every part is optional (null) and the given ones must all match.
 *
 * @param type     the kind of record, e.g. {@code customer}
 * @param recordId one record's id (with {@code type})
 * @param actor    who changed it (login)
 * @param field    the field name, e.g. {@code address}; also matches nested ones ending in {@code .address}
 * @param from     first shop-local day, inclusive
 * @param to       last shop-local day, inclusive
 */
public record AuditQuery(String type, String recordId, String actor, String field, LocalDate from, LocalDate to) {

    /** The trail of one record. */
    public static AuditQuery of(String type, Object id) {
        return new AuditQuery(type, id == null ? null : id.toString(), null, null, null, null);
    }
}
