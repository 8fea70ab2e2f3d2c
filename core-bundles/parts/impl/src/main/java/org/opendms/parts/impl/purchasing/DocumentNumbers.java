package org.opendms.parts.impl.purchasing;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.PersistenceException;

import org.apache.aries.jpa.template.JpaTemplate;
import org.opendms.platform.api.Failures;
import org.opendms.platform.api.jpa.DeadlockRetry;

/**
 * Document numbers of a day (PO20261202-0001, GR…, ST…): a counter row per prefix and day, locked by the transaction
 * that takes the next number, so two documents never share one and a rolled-back one gives its number back.
 */
public final class DocumentNumbers {

    private DocumentNumbers() {
    }

    /** Makes sure the day's counter row exists, in a transaction of its own (before the caller's). */
    public static void ensure(JpaTemplate jpa, String prefix, LocalDate day) {
        String name = name(prefix, day);
        DeadlockRetry.run(() -> {
            try {
                jpa.tx(em -> {
                    if (em.find(PurchasingCounterEntity.class, name) == null) {
                        PurchasingCounterEntity c = new PurchasingCounterEntity();
                        c.name = name;
                        em.persist(c);
                        em.flush();
                    }
                });
            } catch (PersistenceException e) {
                if (!Failures.isUniqueViolation(e)) {
                    throw e;
                }
            }
        });
    }

    /** The next number, inside the caller's transaction; {@link #ensure} ran before it for the day. */
    public static String next(EntityManager em, String prefix, LocalDate day) {
        PurchasingCounterEntity c = em.find(PurchasingCounterEntity.class, name(prefix, day),
                LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            throw new IllegalStateException("the counter " + name(prefix, day) + " is missing");
        }
        c.lastValue++;
        return name(prefix, day) + "-" + String.format("%04d", c.lastValue);
    }

    /**
     * Locks a named row (made on first use) until the caller's transaction ends: queues, for example, two stocktakes
     * opened on the same warehouse at once. {@code name} at most 20 characters.
     */
    public static void lock(JpaTemplate jpa, EntityManager em, String name) {
        if (em.find(PurchasingCounterEntity.class, name, LockModeType.PESSIMISTIC_WRITE) != null) {
            return;
        }
        throw new IllegalStateException("the lock row " + name + " is missing; ensureLock first");
    }

    /** Makes sure a named lock row exists, in a transaction of its own (before the caller's). */
    public static void ensureLock(JpaTemplate jpa, String name) {
        DeadlockRetry.run(() -> {
            try {
                jpa.tx(em -> {
                    if (em.find(PurchasingCounterEntity.class, name) == null) {
                        PurchasingCounterEntity c = new PurchasingCounterEntity();
                        c.name = name;
                        em.persist(c);
                        em.flush();
                    }
                });
            } catch (PersistenceException e) {
                if (!Failures.isUniqueViolation(e)) {
                    throw e;
                }
            }
        });
    }

    private static String name(String prefix, LocalDate day) {
        return prefix + day.format(DateTimeFormatter.BASIC_ISO_DATE);
    }
}
