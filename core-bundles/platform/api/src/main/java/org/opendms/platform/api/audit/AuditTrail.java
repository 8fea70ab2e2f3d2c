package org.opendms.platform.api.audit;

import javax.persistence.EntityManager;

import org.opendms.platform.api.Actor;
import org.opendms.platform.api.Page;
import org.opendms.platform.api.PageRequest;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The one audit trail of every record (customers, vehicles, work orders, the labour catalogue, staff, plugins, and the
 * domains to come). A service hands over the record as it was and as it is; the trail keeps one entry per field that
 * differs, with who, when and the old and new value, personal data masked (mobile 138****1234, ID numbers, addresses
 * shortened).
 * <p>
 * A snapshot is a Java record (its components), a {@code Map} of field names to values, or null (not there: before a
 * creation, after a removal). Nested records and lists of records are followed: a work order's line price reads as
 * {@code jobs[12].lines[40].unitPrice} (the element's {@code id} in brackets, else its position). The bookkeeping
 * components {@code id}, {@code version}, {@code createdAt}, {@code createdBy}, {@code updatedAt}, {@code updatedBy}
 * are left out: the entry itself says who and when.
 *
 * <pre>
 * Customer before = toCustomer(e);
 * apply(e, valid);
 * audit.record(em, actor, "customer", id, before, toCustomer(e)); // same transaction as the change
 * </pre>
 */
@ProviderType
public interface AuditTrail {

    /**
     * Records the fields that differ between the two snapshots, written through {@code em} in the caller's
     * transaction: the entries commit with the change and vanish with its rollback.
     *
     * @param type   the kind of record, lower case, e.g. {@code customer}, {@code vehicle}, {@code work-order}
     * @param id     the record's id (a number, a code, a login)
     * @param before the record before the change, or null when it is created
     * @param after  the record after the change, or null when it is removed
     *
     * @return how many fields were recorded (0 when nothing differs)
     */
    int record(EntityManager em, Actor actor, String type, Object id, Object before, Object after);

    /**
     * As {@link #record(EntityManager, Actor, String, Object, Object, Object)} in a transaction of its own, for a
     * change that is not in the database (a plugin enabled, a setting of the configuration): call it once the change
     * is made.
     */
    int record(Actor actor, String type, Object id, Object before, Object after);

    /**
     * The entries matching the query, newest first (permission {@code audit.read}).
     */
    Page<AuditEntry> search(AuditQuery query, PageRequest page, Actor actor);
}
