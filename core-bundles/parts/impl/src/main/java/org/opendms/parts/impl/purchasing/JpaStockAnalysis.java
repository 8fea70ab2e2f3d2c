package org.opendms.parts.impl.purchasing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.sql.Timestamp;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.aries.jpa.template.JpaTemplate;
import org.opendms.parts.api.purchasing.AbcClass;
import org.opendms.parts.api.purchasing.AbcClassification;
import org.opendms.parts.api.purchasing.DeadStock;
import org.opendms.parts.api.purchasing.StockAnalysis;
import org.opendms.parts.api.purchasing.StockLevelAlert;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Failures;
import org.opendms.platform.api.ShopClock;
import org.opendms.platform.api.Stored;
import org.opendms.platform.api.jpa.DeadlockRetry;
import org.opendms.platform.api.schema.SchemaReady;
import org.opendms.platform.api.security.Permissions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alerts and analysis read from the stock rows (on hand, limits, last movement), the batches and the ledger's issue
 * and return rows. ABC: A until 80 % of the consumption value, B until 95 %, C the rest and parts not consumed.
 */
@Component(service = StockAnalysis.class, immediate = true)
public class JpaStockAnalysis implements StockAnalysis {

    static final BigDecimal A_UNTIL = new BigDecimal("0.80");
    static final BigDecimal B_UNTIL = new BigDecimal("0.95");

    @Reference(target = "(osgi.unit.name=dms-parts)")
    JpaTemplate jpa;

    @Reference(target = "(" + SchemaReady.BUNDLE + "=org.opendms.parts.impl)")
    SchemaReady schema;

    @Reference
    Permissions permissions;

    @Reference
    ShopClock clock;

    private static final Logger LOG = LoggerFactory.getLogger(JpaStockAnalysis.class);

    private ScheduledExecutorService monthly;

    private volatile YearMonth lastMonth;

    @Override
    public List<StockLevelAlert> alerts(Long warehouseId, int expiryDays, Actor actor) {
        permissions.require(actor, "parts.analysis.read");
        if (expiryDays < 0 || expiryDays > 3650) {
            throw DmsException.invalid("expiryDays", "out_of_range", "expiryDays 应在 0 到 3650 之间",
                    "expiryDays must be 0 to 3650");
        }
        boolean costs = permissions.allows(actor, "parts.cost.read");
        LocalDate until = clock.today().plusDays(expiryDays);
        return jpa.txExpr(em -> {
            List<StockLevelAlert> out = new ArrayList<>();
            List<StockFigures.Row> rows = StockFigures.rows(em, warehouseId);
            List<Object[]> batches = StockFigures.expiring(em, warehouseId, until);
            Set<Long> ids = new HashSet<>();
            rows.forEach(r -> ids.add(r.partId()));
            batches.forEach(b -> ids.add((Long) b[0]));
            Map<Long, String[]> names = StockFigures.partNames(em, ids);
            for (StockFigures.Row r : rows) {
                BigDecimal value = costs ? Checks.yuan(r.onHand().multiply(r.averageCost())) : null;
                String[] n = names.get(r.partId());
                if (r.minimum() != null && r.onHand().compareTo(r.minimum()) < 0) {
                    out.add(new StockLevelAlert(StockLevelAlert.Kind.BELOW_MINIMUM, r.warehouseId(), r.partId(), n[0],
                            n[1], r.onHand(), r.minimum(), null, null, value));
                }
                if (r.maximum() != null && r.onHand().compareTo(r.maximum()) > 0) {
                    out.add(new StockLevelAlert(StockLevelAlert.Kind.ABOVE_MAXIMUM, r.warehouseId(), r.partId(), n[0],
                            n[1], r.onHand(), r.maximum(), null, null, value));
                }
            }
            for (Object[] b : batches) {
                long partId = (Long) b[0];
                long w = (Long) b[1];
                BigDecimal q = (BigDecimal) b[4];
                BigDecimal value = costs ? Checks.yuan(q.multiply(StockFigures.averageCost(em, partId, w))) : null;
                String[] n = names.get(partId);
                out.add(new StockLevelAlert(StockLevelAlert.Kind.EXPIRING, w, partId, n[0], n[1], q, null,
                        (String) b[2], (LocalDate) b[3], value));
            }
            out.sort(Comparator.comparing(StockLevelAlert::kind).thenComparing(StockLevelAlert::partNumber));
            return out;
        });
    }

    @Override
    public List<DeadStock> deadStock(Long warehouseId, int months, Actor actor) {
        permissions.require(actor, "parts.analysis.read");
        if (months < 1 || months > 120) {
            throw DmsException.invalid("months", "out_of_range", "months 应在 1 到 120 之间", "months must be 1 to 120");
        }
        boolean costs = permissions.allows(actor, "parts.cost.read");
        LocalDateTime since = Stored.utc(clock.now()).minusMonths(months);
        return jpa.txExpr(em -> {
            List<StockFigures.Row> dead = StockFigures.rows(em, warehouseId).stream()
                    .filter(r -> r.onHand().signum() > 0)
                    .filter(r -> r.lastMovementAt() == null || r.lastMovementAt().isBefore(since)).toList();
            Set<Long> ids = new HashSet<>();
            dead.forEach(r -> ids.add(r.partId()));
            Map<Long, String[]> names = StockFigures.partNames(em, ids);
            List<DeadStock> out = new ArrayList<>();
            for (StockFigures.Row r : dead) {
                String[] n = names.get(r.partId());
                LocalDate last = r.lastMovementAt() == null ? null
                        : Stored.instant(r.lastMovementAt()).atZone(clock.zone()).toLocalDate();
                out.add(new DeadStock(r.warehouseId(), r.partId(), n[0], n[1], r.onHand(), last,
                        Checks.yuan(r.onHand().multiply(r.averageCost()))));
            }
            out.sort(Comparator.comparing(DeadStock::value).reversed().thenComparing(DeadStock::partNumber));
            return costs ? out
                    : out.stream().map(d -> new DeadStock(d.warehouseId(), d.partId(), d.partNumber(), d.partName(),
                            d.onHand(), d.lastMovement(), null)).toList();
        });
    }

    @Override
    public AbcClassification classify(int months, Actor actor) {
        permissions.require(actor, "parts.analysis.compute");
        if (months < 1 || months > 36) {
            throw DmsException.invalid("months", "out_of_range", "months 应在 1 到 36 之间", "months must be 1 to 36");
        }
        LocalDate to = clock.today();
        LocalDate from = to.minusMonths(months);
        DeadlockRetry.run(() -> jpa.tx(em -> compute(em, from, to, actor.username())));
        return classification(actor).orElseThrow();
    }

    /**
     * The classification of a month's first day, over the twelve whole months before it, kept with its month so it
     * runs once: a second call for the month (another look after a restart, another node) does nothing and answers
     * false. The month's row and the classification commit together, so a run cut short runs again.
     */
    public boolean classifyMonth(YearMonth month) {
        LocalDate from = month.minusMonths(12).atDay(1);
        LocalDate to = month.minusMonths(1).atEndOfMonth();
        try {
            return DeadlockRetry.write(() -> jpa.txExpr(em -> {
                long done = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM pur_abc_month WHERE run_month = ?")
                        .setParameter(1, month.toString()).getSingleResult()).longValue();
                if (done > 0) {
                    return false;
                }
                em.createNativeQuery(
                        "INSERT INTO pur_abc_month (run_month, run_at, from_day, to_day) VALUES (?, ?, ?, ?)")
                        .setParameter(1, month.toString()).setParameter(2, Timestamp.valueOf(Stored.utc(clock.now())))
                        .setParameter(3, java.sql.Date.valueOf(from)).setParameter(4, java.sql.Date.valueOf(to))
                        .executeUpdate();
                compute(em, from, to, Actor.system().username());
                return true;
            }));
        } catch (PersistenceException e) {
            if (Failures.isUniqueViolation(e, "pk_pur_abc_month")) {
                return false; // another node ran the month at the same time
            }
            throw e;
        }
    }

    /** The months whose scheduled classification ran, newest first (yyyy-MM). */
    public List<String> monthsClassified() {
        return jpa.txExpr(em -> em.createNativeQuery("SELECT run_month FROM pur_abc_month ORDER BY run_month DESC")
                .getResultList().stream().map(String::valueOf).toList());
    }

    /** Replaces the classification kept by one over the shop days [from, to]. */
    private void compute(EntityManager em, LocalDate from, LocalDate to, String by) {
        LocalDateTime fromUtc = Stored.utc(from.atStartOfDay(clock.zone()).toInstant());
        LocalDateTime toUtc = Stored.utc(to.plusDays(1).atStartOfDay(clock.zone()).toInstant());
        Map<Long, BigDecimal> consumed = StockFigures.toSuccessors(em,
                StockFigures.consumption(em, fromUtc, toUtc), clock.today());
        // every part with stock is classified; one never consumed is C
        StockFigures.rows(em, null).forEach(r -> consumed.putIfAbsent(r.partId(), BigDecimal.ZERO));
        BigDecimal total = consumed.values().stream().filter(x -> x.signum() > 0).reduce(BigDecimal.ZERO,
                BigDecimal::add);
        em.createQuery("DELETE FROM AbcClassEntity c").executeUpdate();
        em.createQuery("DELETE FROM AbcRunEntity r").executeUpdate();
        AbcRunEntity run = new AbcRunEntity();
        run.computedAt = Stored.utc(clock.now());
        run.computedBy = by;
        run.fromDay = from;
        run.toDay = to;
        em.persist(run);
        em.flush();
        List<Map.Entry<Long, BigDecimal>> ranked = new ArrayList<>(consumed.entrySet());
        ranked.sort(
                Map.Entry.<Long, BigDecimal>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        BigDecimal running = BigDecimal.ZERO;
        for (Map.Entry<Long, BigDecimal> p : ranked) {
            BigDecimal value = p.getValue().signum() > 0 ? p.getValue() : BigDecimal.ZERO;
            BigDecimal before = total.signum() == 0 ? BigDecimal.ONE : running.divide(total, 4, RoundingMode.HALF_UP);
            running = running.add(value);
            AbcClassEntity c = new AbcClassEntity();
            c.runId = run.id;
            c.partId = p.getKey();
            c.consumptionValue = Checks.yuan(value);
            c.share = total.signum() == 0 ? BigDecimal.ZERO.setScale(4) : value.divide(total, 4, RoundingMode.HALF_UP);
            c.cumulativeShare = total.signum() == 0 ? BigDecimal.ZERO.setScale(4)
                    : running.divide(total, 4, RoundingMode.HALF_UP);
            // a part is A while the share before it is below 80 %: the part that crosses the line is still A
            c.abcClass = value.signum() == 0 ? "C"
                    : before.compareTo(A_UNTIL) < 0 ? "A" : before.compareTo(B_UNTIL) < 0 ? "B" : "C";
            em.persist(c);
        }
    }

    @Activate
    void activate() {
        monthly = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "dms-parts-abc-monthly");
            t.setDaemon(true);
            return t;
        });
        // hourly look at the shop's month, as the audit trail's purge looks at its day: the month's classification
        // runs on the first look of a new month (its first day, or the first hour the platform is up after it). The
        // first look is at once, on this thread: a month's write then happens while the platform comes up rather
        // than at some moment in a working session (most looks only read one row)
        monthly.scheduleWithFixedDelay(this::classifyOncePerMonth, 0, 60, TimeUnit.MINUTES);
    }

    @Deactivate
    void deactivate() {
        if (monthly != null) {
            monthly.shutdownNow();
        }
    }

    void classifyOncePerMonth() {
        try {
            YearMonth month = YearMonth.from(clock.today());
            if (!month.equals(lastMonth)) {
                if (classifyMonth(month)) {
                    LOG.info("ABC classification of {} computed (consumption {} to {})", month,
                            month.minusMonths(12).atDay(1), month.minusMonths(1).atEndOfMonth());
                }
                lastMonth = month;
            }
        } catch (RuntimeException e) {
            LOG.warn("Monthly ABC classification failed (tried again within the hour): {}", e.toString(), e);
        }
    }

    @Override
    public Optional<AbcClassification> classification(Actor actor) {
        permissions.require(actor, "parts.analysis.read");
        boolean costs = permissions.allows(actor, "parts.cost.read");
        return jpa.txExpr(em -> {
            List<AbcRunEntity> runs = em.createQuery("SELECT r FROM AbcRunEntity r ORDER BY r.id DESC",
                    AbcRunEntity.class).setMaxResults(1).getResultList();
            if (runs.isEmpty()) {
                return Optional.empty();
            }
            AbcRunEntity run = runs.get(0);
            List<AbcClassEntity> classes = em.createQuery("SELECT c FROM AbcClassEntity c WHERE c.runId = :r"
                    + " ORDER BY c.consumptionValue DESC, c.partId", AbcClassEntity.class).setParameter("r", run.id)
                    .getResultList();
            Set<Long> ids = new HashSet<>();
            classes.forEach(c -> ids.add(c.partId));
            Map<Long, String[]> names = StockFigures.partNames(em, ids);
            List<AbcClass> parts = classes.stream().map(c -> new AbcClass(c.partId, names.get(c.partId)[0],
                    names.get(c.partId)[1], costs ? c.consumptionValue : null, c.share, c.cumulativeShare,
                    c.abcClass.charAt(0))).toList();
            return Optional.of(new AbcClassification(Stored.instant(run.computedAt), run.computedBy, run.fromDay,
                    run.toDay, parts));
        });
    }
}
