package org.opendms.parts.impl;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;

import org.apache.aries.jpa.template.JpaTemplate;
import org.opendms.parts.api.event.PartsListener;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.Failures;
import org.opendms.platform.api.ShopClock;
import org.opendms.platform.api.audit.AuditTrail;
import org.opendms.platform.api.component.LateServices;
import org.opendms.platform.api.jpa.AfterCommit;
import org.opendms.platform.api.jpa.DeadlockRetry;
import org.opendms.platform.api.schema.SchemaReady;
import org.opendms.platform.api.security.Permissions;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * What every parts service shares: the persistence unit {@code dms-parts} (on a migrated schema), the shop's clock, the
 * permission table, the audit trail and the plugins' listeners. A service of this bundle, not of the API: the
 * purchasing and stocktake services of the parts bundles use it (and {@link LedgerEngine}) to post inside their own
 * transactions.
 */
@Component(service = PartsContext.class)
public class PartsContext {

    /** Who may see costs (average cost, the cost of a movement, stock value). */
    static final String COST_READ = "parts.cost.read";

    @Reference(target = "(osgi.unit.name=dms-parts)")
    JpaTemplate jpa;

    @Reference(target = "(" + SchemaReady.BUNDLE + "=org.opendms.parts.impl)")
    SchemaReady schema;

    @Reference
    ShopClock clock;

    @Reference
    Permissions permissions;

    /** Who changed which field of a part, a warehouse, a reservation; every posting. Same transaction. */
    @Reference
    AuditTrail audit;

    volatile List<PartsListener> listeners = List.of();
    private final LateServices<PartsListener> boundListeners = new LateServices<>();

    @Reference(service = PartsListener.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindListener")
    void bindListener(ComponentServiceObjects<PartsListener> objects) {
        listeners = boundListeners.bind(objects);
    }

    void unbindListener(ComponentServiceObjects<PartsListener> objects) {
        listeners = boundListeners.unbind(objects);
    }

    /** A read in a transaction (Aries' resource-local template knows only Required). */
    <T> T read(Function<EntityManager, T> work) {
        return jpa.txExpr(work::apply);
    }

    /**
     * A write in its own transaction, run again when the database chose it as a deadlock victim, or when two writers
     * both created the same first stock row of a part in a warehouse (the loser runs again and now waits for the lock).
     */
    <T> T write(Function<EntityManager, T> work) {
        for (int attempt = 1;; attempt++) {
            try {
                return DeadlockRetry.write(() -> jpa.txExpr(work::apply));
            } catch (PersistenceException e) {
                if (attempt >= 3 || !(Failures.isUniqueViolation(e, "uq_pt_stock")
                        || Failures.isUniqueViolation(e, "uq_pt_counter")
                        || Failures.isUniqueViolation(e, "pk_pt_counter"))) {
                    throw e;
                }
            }
        }
    }

    boolean seesCost(Actor actor) {
        return actor != null && permissions.allows(actor, COST_READ);
    }

    <E> void tell(BiConsumer<PartsListener, E> method, E event, String about) {
        List<PartsListener> now = listeners;
        if (!now.isEmpty()) {
            AfterCommit.tell(now, method, event, about);
        }
    }
}
