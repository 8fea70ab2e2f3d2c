package org.opendms.reports.impl;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.persistence.PersistenceException;

import org.apache.aries.jpa.template.JpaTemplate;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.ShopClock;
import org.opendms.platform.api.Stored;
import org.opendms.platform.api.audit.AuditTrail;
import org.opendms.platform.api.jpa.AfterCommit;
import org.opendms.platform.api.schema.SchemaReady;
import org.opendms.platform.api.security.Permissions;
import org.opendms.reports.api.Alert;
import org.opendms.reports.api.AlertRule;
import org.opendms.reports.api.Alerts;
import org.opendms.reports.api.Period;
import org.opendms.reports.api.event.AlertEvent;
import org.opendms.reports.api.event.ReportsListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The week's checks over the daily summaries; rpt_alert_rule holds the shop's thresholds, rpt_alert what fired. */
@Component(service = Alerts.class)
public class JpaAlerts implements Alerts {

    private static final Logger LOG = LoggerFactory.getLogger(JpaAlerts.class);
    static final String EDIT = "report.alerts.edit";

    /** The rules with the shop's defaults, in the order the dashboard lists them. */
    static final Map<String, AlertRule> DEFAULTS = new LinkedHashMap<>();
    static {
        DEFAULTS.put("visits_drop", new AlertRule("visits_drop", "进厂台次骤降", "visits collapse", true,
                new BigDecimal("0.3000")));
        DEFAULTS.put("comeback_rate", new AlertRule("comeback_rate", "返修率过高", "comebacks jump", true,
                new BigDecimal("0.0500")));
        DEFAULTS.put("on_time_delivery", new AlertRule("on_time_delivery", "及时交车率过低", "late deliveries", true,
                new BigDecimal("0.8500")));
    }

    @Reference(target = "(osgi.unit.name=dms-reports)")
    JpaTemplate jpa;

    @Reference(target = "(" + SchemaReady.BUNDLE + "=org.opendms.reports.impl)")
    SchemaReady schema;

    @Reference
    ShopClock clock;

    @Reference
    Permissions permissions;

    @Reference
    AuditTrail audit;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile List<ReportsListener> listeners = List.of();

    private ScheduledExecutorService timer;

    @Activate
    void activate() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "dms-reports-alerts");
            t.setDaemon(true);
            return t;
        });
        // every hour: a new week is checked on its first Monday, and a check missed while stopped is made up
        timer.scheduleWithFixedDelay(() -> {
            try {
                check(clock.today(), Actor.system());
            } catch (RuntimeException e) {
                LOG.warn("the weekly alert check failed: {}", e.toString());
            }
        }, 2, 60, TimeUnit.MINUTES);
    }

    @Deactivate
    void deactivate() {
        timer.shutdownNow();
    }

    @Override
    public List<AlertRule> rules(Actor actor) {
        permissions.require(actor, JpaShopResources.READ);
        return jpa.txExpr(em -> rules(new Sql(em)));
    }

    private static List<AlertRule> rules(Sql sql) {
        Map<String, AlertRule> out = new LinkedHashMap<>(DEFAULTS);
        sql.query("SELECT code, enabled, threshold FROM rpt_alert_rule", rs -> {
            AlertRule d = DEFAULTS.get(rs.getString(1));
            return d == null ? null
                    : out.put(d.code(), new AlertRule(d.code(), d.nameZh(), d.nameEn(), rs.getInt(2) == 1,
                            rs.getBigDecimal(3)));
        });
        return new ArrayList<>(out.values());
    }

    /** One change of a rule at a time (update or insert of its row). */
    @Override
    public synchronized AlertRule change(String code, boolean enabled, BigDecimal threshold, Actor actor) {
        permissions.require(actor, EDIT);
        AlertRule d = DEFAULTS.get(code);
        if (d == null) {
            throw DmsException.notFound("code", "没有预警规则 " + code, "no alert rule " + code);
        }
        if (threshold == null || threshold.signum() < 0 || threshold.compareTo(BigDecimal.ONE) > 0
                || threshold.scale() > 4) {
            throw DmsException.invalid("threshold", "out_of_range", "阈值须在 0 到 1 之间，最多四位小数（如 0.3 即 30%）",
                    "the threshold must be between 0 and 1 with at most 4 decimals (0.3 is 30 %)");
        }
        AlertRule after = new AlertRule(code, d.nameZh(), d.nameEn(), enabled, threshold.setScale(4));
        jpa.tx(em -> {
            Sql sql = new Sql(em);
            AlertRule before = rules(sql).stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow();
            if (sql.update("UPDATE rpt_alert_rule SET enabled = ?, threshold = ? WHERE code = ?", enabled,
                    after.threshold(), code) == 0) {
                sql.update("INSERT INTO rpt_alert_rule (code, enabled, threshold) VALUES (?, ?, ?)", code, enabled,
                        after.threshold());
            }
            audit.record(em, actor, "report.alert-rule", code, before, after);
        });
        return after;
    }

    @Override
    public List<Alert> check(LocalDate asOf, Actor actor) {
        permissions.require(actor, JpaShopResources.READ);
        LocalDate monday = asOf.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
        LocalDate sunday = monday.plusDays(6);
        List<Alert> raised = new ArrayList<>();
        for (AlertRule rule : rules(actor)) {
            if (!rule.enabled()) {
                continue;
            }
            try {
                jpa.tx(em -> {
                    Sql sql = new Sql(em);
                    if (!sql.query("SELECT id FROM rpt_alert WHERE rule_code = ? AND week_from = ?",
                            rs -> rs.getLong(1), rule.code(), monday).isEmpty()) {
                        return;
                    }
                    Alert a = evaluate(sql, rule, monday, sunday);
                    if (a != null) {
                        sql.update("INSERT INTO rpt_alert (rule_code, week_from, week_to, measured, baseline,"
                                + " threshold, message_zh, message_en, raised_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                a.rule(), a.from(), a.to(), a.value(), a.baseline(), a.threshold(), a.messageZh(),
                                a.messageEn(), Stored.utc(a.raisedAt()));
                        long id = sql.query("SELECT id FROM rpt_alert WHERE rule_code = ? AND week_from = ?",
                                rs -> rs.getLong(1), a.rule(), a.from()).get(0);
                        raised.add(new Alert(id, a.rule(), a.from(), a.to(), a.value(), a.baseline(), a.threshold(),
                                a.messageZh(), a.messageEn(), a.raisedAt()));
                    }
                });
            } catch (PersistenceException twice) {
                // another check recorded it at the same moment (uq_rpt_alert_week): raised once
                LOG.debug("alert {} of {} already raised", rule.code(), monday);
            }
        }
        for (Alert a : raised) {
            AfterCommit.tell(listeners, ReportsListener::alertRaised, new AlertEvent(a), "alert " + a.rule());
        }
        return raised;
    }

    /** The rule on the week; null when it does not fire (or there is nothing to measure). */
    private Alert evaluate(Sql sql, AlertRule rule, LocalDate monday, LocalDate sunday) {
        long[] week = sums(sql, monday, sunday);
        BigDecimal t = rule.threshold();
        switch (rule.code()) {
        case "visits_drop" -> {
            long[] before = sums(sql, monday.minusWeeks(4), monday.minusDays(1));
            if (before[0] == 0) {
                return null;
            }
            BigDecimal average = BigDecimal.valueOf(before[0]).divide(BigDecimal.valueOf(4), 2,
                    RoundingMode.HALF_UP);
            BigDecimal drop = average.subtract(BigDecimal.valueOf(week[0])).divide(average, 4,
                    RoundingMode.HALF_UP);
            return drop.compareTo(t) < 0 ? null
                    : alert(rule, monday, sunday, drop, average,
                            "本周进厂 " + week[0] + " 台，比前四周平均 " + average.stripTrailingZeros().toPlainString()
                                    + " 台下降 " + percent(drop),
                            "vehicles in this week " + week[0] + ", " + percent(drop)
                                    + " below the four weeks' average of " + average.stripTrailingZeros()
                                            .toPlainString());
        }
        case "comeback_rate" -> {
            if (week[0] == 0) {
                return null;
            }
            BigDecimal rate = BigDecimal.valueOf(week[1]).divide(BigDecimal.valueOf(week[0]), 4,
                    RoundingMode.HALF_UP);
            return rate.compareTo(t) <= 0 ? null
                    : alert(rule, monday, sunday, rate, t,
                            "本周返修率 " + percent(rate) + "（" + week[1] + "/" + week[0] + "），超过 " + percent(t),
                            "comeback rate this week " + percent(rate) + ", over " + percent(t));
        }
        default -> {
            if (week[2] == 0) {
                return null;
            }
            BigDecimal rate = BigDecimal.valueOf(week[3]).divide(BigDecimal.valueOf(week[2]), 4,
                    RoundingMode.HALF_UP);
            return rate.compareTo(t) >= 0 ? null
                    : alert(rule, monday, sunday, rate, t,
                            "本周及时交车率 " + percent(rate) + "（" + week[3] + "/" + week[2] + "），低于 " + percent(t),
                            "on-time delivery this week " + percent(rate) + ", under " + percent(t));
        }
        }
    }

    private Alert alert(AlertRule rule, LocalDate from, LocalDate to, BigDecimal value, BigDecimal baseline,
            String zh, String en) {
        return new Alert(0, rule.code(), from, to, value, baseline, rule.threshold(), zh, en, clock.now());
    }

    /** Vehicles in, comebacks, delivered with a promise, on time. */
    private static long[] sums(Sql sql, LocalDate from, LocalDate to) {
        return sql.query("SELECT SUM(vehicles_in), SUM(comebacks), SUM(delivered), SUM(on_time) FROM rpt_day"
                + " WHERE summary_day BETWEEN ? AND ?",
                rs -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4) }, from, to).get(0);
    }

    private static String percent(BigDecimal share) {
        return share.movePointRight(2).setScale(1, RoundingMode.HALF_UP) + "%";
    }

    @Override
    public List<Alert> list(Period period, Actor actor) {
        permissions.require(actor, JpaShopResources.READ);
        return jpa.txExpr(em -> new Sql(em).query("SELECT id, rule_code, week_from, week_to, measured, baseline,"
                + " threshold, message_zh, message_en, raised_at FROM rpt_alert WHERE week_from <= ? AND week_to >= ?"
                + " ORDER BY week_from DESC, id DESC",
                rs -> new Alert(rs.getLong(1), rs.getString(2), Sql.day(rs, 3), Sql.day(rs, 4), rs.getBigDecimal(5),
                        rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getString(8), rs.getString(9),
                        Stored.instant(rs.getTimestamp(10).toLocalDateTime())),
                period.to(), period.from()));
    }
}
