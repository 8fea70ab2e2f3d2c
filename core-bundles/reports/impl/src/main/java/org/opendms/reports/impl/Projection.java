package org.opendms.reports.impl;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.aries.jpa.template.JpaTemplate;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.ShopClock;
import org.opendms.platform.api.Stored;
import org.opendms.platform.api.schema.SchemaReady;
import org.opendms.settlement.api.Settlement;
import org.opendms.settlement.api.SettlementStatus;
import org.opendms.settlement.api.Settlements;
import org.opendms.settlement.api.event.SettlementEvent;
import org.opendms.settlement.api.event.SettlementListener;
import org.opendms.workorder.api.Clocks;
import org.opendms.workorder.api.StatusChange;
import org.opendms.workorder.api.WorkOrder;
import org.opendms.workorder.api.WorkOrderStatus;
import org.opendms.workorder.api.WorkOrders;
import org.opendms.workorder.api.event.WorkOrderEvent;
import org.opendms.workorder.api.event.WorkOrderListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the facts in step with the work orders and settlement documents, through their published APIs. Events are
 * taken on the thread that made the change and projected on one worker of our own, so the desk never waits for a
 * report; ten changes of one work order in a burst are projected once (the pending set). The daily summaries of the
 * days the facts touched follow half a second later, once for everything projected meanwhile: at a busy desk each
 * opening used to compute its whole day again. One writer (the rebuild too runs on the worker) means the facts of a
 * work order are never written by two threads at once.
 */
// immediate: it catches up when it starts, not when a service first tells it something (LateServices)
@Component(service = { Projection.class, WorkOrderListener.class, SettlementListener.class }, immediate = true)
public class Projection implements WorkOrderListener, SettlementListener {

    private static final Logger LOG = LoggerFactory.getLogger(Projection.class);

    @Reference(target = "(osgi.unit.name=dms-reports)")
    JpaTemplate jpa;

    @Reference(target = "(" + SchemaReady.BUNDLE + "=org.opendms.reports.impl)")
    SchemaReady schema;

    @Reference
    ShopClock clock;

    @Reference
    WorkOrders workOrders;

    @Reference
    Clocks clocks;

    @Reference
    Settlements settlements;

    private final Set<Long> pendingWorkOrders = ConcurrentHashMap.newKeySet();
    private final Set<Long> pendingDocuments = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean summaryDue = new AtomicBoolean();
    private ScheduledExecutorService worker;

    /** How long the daily summaries wait for more changes (a test makes it long, to see them wait). */
    long summaryDelayMillis = 500;

    @Activate
    void activate() {
        worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "dms-reports-projection");
            t.setDaemon(true);
            return t;
        });
        // days a stop left pending (their facts committed, their summaries not yet computed)
        worker.execute(this::summarise);
        worker.execute(() -> guarded("the first catch-up", this::catchUpPage));
    }

    /** The one writer (tests wait on it or stop it). */
    ScheduledExecutorService worker() {
        return worker;
    }

    /** Computes the summaries of the pending days, on the worker. */
    void summarise() {
        summaryDue.set(false);
        guarded("the daily summaries", () -> jpa.tx(DaySummaries::summarisePending));
    }

    private void summariseSoon() {
        if (summaryDue.compareAndSet(false, true)) {
            try {
                worker.schedule(this::summarise, summaryDelayMillis, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopping) {
                // the days stay pending: the next start summarises them
            }
        }
    }

    static final String CATCH_UP = "catch-up.page";
    /** Work orders per page of the first catch-up (a test makes it small). */
    int page = 200;

    /**
     * The work orders recorded before this bundle first ran (an upgrade of a shop with history), projected once, a
     * page at a time between the live events, resuming from the stored page after a restart; a shop whose catch-up
     * is done reads one row here on start and does nothing else.
     */
    void catchUpPage() {
        int size = this.page;
        long page = jpa.txExpr(em -> new Sql(em).query("SELECT mark_value FROM rpt_mark WHERE name = ?",
                rs -> rs.getLong(1), CATCH_UP)).stream().findFirst().orElse(0L);
        if (page < 0) {
            return;
        }
        var found = workOrders.search(org.opendms.workorder.api.WorkOrderQuery.all(),
                new org.opendms.platform.api.PageRequest((int) page, size));
        for (WorkOrder wo : found.items()) {
            projectWorkOrder(wo.id());
            for (Settlement s : settlements.forWorkOrder(wo.id())) {
                projectDocument(s.id());
            }
        }
        summariseSoon();
        boolean done = found.items().size() < size;
        long next = done ? -1 : page + 1;
        jpa.tx(em -> {
            Sql sql = new Sql(em);
            if (sql.update("UPDATE rpt_mark SET mark_value = ? WHERE name = ?", next, CATCH_UP) == 0) {
                sql.update("INSERT INTO rpt_mark (name, mark_value) VALUES (?, ?)", CATCH_UP, next);
            }
        });
        if (done) {
            if (page > 0 || !found.items().isEmpty()) {
                LOG.info("reports: the work orders recorded before them are projected ({} pages)", page + 1);
            }
            return;
        }
        try {
            worker.execute(() -> guarded("the first catch-up", this::catchUpPage));
        } catch (RejectedExecutionException stopping) {
            // stopped meanwhile: the next start resumes from the stored page
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }

    @Override
    public void changed(WorkOrderEvent event) {
        if (pendingWorkOrders.add(event.workOrderId())) {
            worker.execute(() -> {
                pendingWorkOrders.remove(event.workOrderId());
                guarded("work order " + event.number(), () -> projectWorkOrder(event.workOrderId()));
                summariseSoon();
            });
        }
    }

    @Override
    public void settled(SettlementEvent event) {
        document(event);
    }

    @Override
    public void reversed(SettlementEvent event) {
        document(event);
    }

    private void document(SettlementEvent event) {
        if (pendingDocuments.add(event.settlementId())) {
            worker.execute(() -> {
                pendingDocuments.remove(event.settlementId());
                guarded("settlement " + event.number(), () -> projectDocument(event.settlementId()));
                summariseSoon();
            });
        }
    }

    private static void guarded(String what, Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            // the change itself stands; a rebuild of its period (dms:report-rebuild) projects it again
            LOG.error("could not project {} into the reports: {}", what, e.toString(), e);
        }
    }

    /** Waits until every change told so far is projected and summarised (tests). */
    public void awaitQuiet() {
        try {
            worker.submit(this::summarise).get(5, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IllegalStateException("the report projection did not finish", e);
        }
    }

    /** Reads the work order and replaces its facts; its documents follow its visit types. */
    void projectWorkOrder(long id) {
        WorkOrder wo;
        try {
            wo = workOrders.get(id);
        } catch (DmsException e) {
            return; // gone: nothing to count
        }
        Instant completedAt = null;
        if (wo.status() == WorkOrderStatus.COMPLETED || wo.status() == WorkOrderStatus.DELIVERED) {
            for (StatusChange c : workOrders.history(id)) {
                if (c.to() == WorkOrderStatus.COMPLETED) {
                    completedAt = c.at();
                }
            }
        }
        VisitFact fact = VisitFact.of(wo, completedAt == null ? List.of() : clocks.clocks(id), completedAt,
                clock.zone());
        jpa.tx(em -> FactStore.replace(em, fact, Stored.utc(clock.now())));
    }

    void projectDocument(long id) {
        Settlement s = settlements.get(id);
        if (s.settledAt() == null || !(s.status() == SettlementStatus.SETTLED
                || s.status() == SettlementStatus.REVERSED)) {
            return;
        }
        WorkOrder wo;
        try {
            wo = workOrders.get(s.workOrderId());
        } catch (DmsException e) {
            wo = null;
        }
        DocumentFact fact = DocumentFact.of(s, wo, clock.zone());
        jpa.tx(em -> FactStore.replace(em, fact));
    }

    /**
     * Projects every work order opened in the period and its documents again (after a restore, or to pick up changes
     * made while this bundle was stopped), in pages, on the worker after the changes told so far; returns how many
     * work orders once their summaries are computed too.
     */
    public int rebuild(java.time.LocalDate from, java.time.LocalDate to) {
        try {
            return worker.submit(() -> {
                int done = rebuildHere(from, to);
                summarise();
                return done;
            }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the rebuild was interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private int rebuildHere(java.time.LocalDate from, java.time.LocalDate to) {
        int done = 0;
        for (int page = 0;; page++) {
            var found = workOrders.search(new org.opendms.workorder.api.WorkOrderQuery(null, null, null, null, from,
                    to), new org.opendms.platform.api.PageRequest(page, 200));
            for (WorkOrder wo : found.items()) {
                projectWorkOrder(wo.id());
                for (Settlement s : settlements.forWorkOrder(wo.id())) {
                    projectDocument(s.id());
                }
                done++;
            }
            if (found.items().size() < 200) {
                return done;
            }
        }
    }
}
