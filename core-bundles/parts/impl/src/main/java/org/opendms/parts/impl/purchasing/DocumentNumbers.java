package org.opendms.parts.impl.purchasing;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.function.Supplier;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.PersistenceException;

import org.apache.aries.jpa.template.JpaTemplate;
import org.opendms.platform.api.Failures;
import org.opendms.platform.api.jpa.DeadlockRetry;

/**
 * Document numbers of a day (PO20261202-0001, GR…, ST…): a counter row per prefix and day, locked by the transaction
 * that takes the next number, so two documents never share one and a rolled-back one gives its number back. The day's
 * row is made only once a document of that day has passed its checks and asks for its number ({@link #write}): a
 * refused document leaves the counters as they were, the day's first one included.
 */
public final class DocumentNumbers {

    private DocumentNumbers() {
    }

    /**
     * Runs a numbered document's write transaction ({@link DeadlockRetry#write}). When it asked for a number of a day
     * whose counter row does not exist yet, that transaction rolled back with {@link CounterMissing}: the row is made
     * in a transaction of its own and the write runs once more. A write refused before it took its number never
     * makes the row.
     */
    public static <T> T write(JpaTemplate jpa, Supplier<T> work) {
        try {
            return DeadlockRetry.write(work);
        } catch (RuntimeException e) {
            CounterMissing missing = missing(e);
            if (missing == null) {
                throw e;
            }
            ensure(jpa, missing.name);
            return DeadlockRetry.write(work);
        }
    }

    private static CounterMissing missing(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CounterMissing m) {
                return m;
            }
        }
        return null;
    }

    /** Makes sure a counter row exists, in a transaction of its own (before the caller's next attempt). */
    private static void ensure(JpaTemplate jpa, String name) {
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

    /**
     * The next number, inside the caller's transaction, which runs in {@link #write}: the day's first number rolls it
     * back once with {@link CounterMissing} to make the counter row.
     */
    public static String next(EntityManager em, String prefix, LocalDate day) {
        PurchasingCounterEntity c = em.find(PurchasingCounterEntity.class, name(prefix, day),
                LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            throw new CounterMissing(name(prefix, day));
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

    /** The day's counter row does not exist yet: rolls back the write that asked for a number ({@link #write}). */
    static final class CounterMissing extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String name;

        CounterMissing(String name) {
            super("the counter " + name + " is not made yet", null, false, false);
            this.name = name;
        }
    }

    private static String name(String prefix, LocalDate day) {
        return prefix + day.format(DateTimeFormatter.BASIC_ISO_DATE);
    }
}
