package org.opendms.platform.api.jpa;

import java.util.List;
import java.util.function.BiConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells listeners (plugins' services) of a committed change. Call it after the transaction returned, never inside
 * it: a listener must not be able to roll the change back. A listener that throws is logged with the event and the
 * others are still called; the caller's write stands.
 *
 * <pre>
 * Customer after = jpa.txExpr(em -&gt; ...);
 * AfterCommit.tell(listeners, CustomerListener::customerChanged, new CustomerEvent(...), "customer " + id);
 * </pre>
 */
public final class AfterCommit {

    private static final Logger LOG = LoggerFactory.getLogger(AfterCommit.class);

    private AfterCommit() {
    }

    /**
     * Calls {@code method} on each listener with the event, in order.
     *
     * @param listeners a snapshot of the listeners (copy a DS dynamic reference's volatile field once)
     * @param method    which listener method to call, e.g. {@code WorkOrderListener::completed}
     * @param event     what happened
     * @param about     the record, for the log, e.g. "customer 15" (not the event: it may hold personal data)
     *
     * @return how many listeners failed (they were logged)
     */
    public static <L, E> int tell(List<? extends L> listeners, BiConsumer<? super L, ? super E> method, E event,
            String about) {
        int failed = 0;
        for (L listener : listeners) {
            try {
                method.accept(listener, event);
            } catch (RuntimeException | LinkageError e) {
                // LinkageError: a plugin being refreshed may lose its classes mid-call; the write still stands
                failed++;
                LOG.warn("Listener {} failed on {} of {}: {}", listener.getClass().getName(),
                        event.getClass().getSimpleName(),
                        about, e.toString(), e);
            }
        }
        return failed;
    }
}
