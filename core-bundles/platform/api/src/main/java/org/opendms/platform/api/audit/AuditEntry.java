package org.opendms.platform.api.audit;

import java.time.Instant;

/**
 * One field of one record changed, as kept in the audit trail.
 *
 * @param actor    the login of who changed it ({@code system} for the platform itself)
 * @param channel  how: REST, CONSOLE or SYSTEM
 * @param type     the kind of record, e.g. {@code customer}
 * @param recordId the record's id as text
 * @param action   CREATED, CHANGED or REMOVED
 * @param field    the field, e.g. {@code address} or {@code jobs[12].lines[40].unitPrice}
 * @param oldValue the value before, masked where personal; null when there was none
 * @param newValue the value after, masked where personal; null when there is none
 */
public record AuditEntry(long id, Instant at, String actor, String channel, String type, String recordId,
        String action, String field, String oldValue, String newValue) {
}
