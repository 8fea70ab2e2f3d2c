package org.opendms.reports.impl;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.ShopClock;
import org.opendms.platform.api.Stored;
import org.opendms.platform.api.Violations;
import org.opendms.platform.api.audit.AuditTrail;
import org.opendms.platform.api.jpa.AfterCommit;
import org.opendms.platform.api.schema.SchemaReady;
import org.opendms.platform.api.security.Permissions;
import org.opendms.reports.api.CalendarDay;
import org.opendms.reports.api.MonthResources;
import org.opendms.reports.api.Period;
import org.opendms.reports.api.ShopResources;
import org.opendms.reports.api.TechnicianResource;
import org.opendms.reports.api.Trade;
import org.opendms.reports.api.event.ReportsListener;
import org.opendms.reports.api.event.ResourcesChangedEvent;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** The month entries and calendar marks in rpt_month, rpt_month_tech and rpt_calendar. */
@Component(service = { ShopResources.class, JpaShopResources.class })
public class JpaShopResources implements ShopResources {

    static final String READ = "report.read";
    static final String EDIT = "report.resources.edit";
    static final int NOTE_MAX = 60;
    static final int TECHNICIANS_MAX = 500;

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

    @Override
    public Optional<MonthResources> inForce(YearMonth month, Actor actor) {
        permissions.require(actor, READ);
        return jpa.txExpr(em -> entries(em, month).values().stream().reduce((a, b) -> b));
    }

    /**
     * Replaces the month's entry (delete and insert in one transaction): two managers saving the same month at the
     * same moment take turns here rather than collide on the key, the later one's entry standing.
     */
    @Override
    public synchronized MonthResources enter(MonthResources r, Actor actor) {
        permissions.require(actor, EDIT);
        validate(r);
        MonthResources stored = new MonthResources(r.month(), r.workingWeekdays(), r.shiftHours(), r.bays(),
                r.technicians(), r.commissionShare(), actor.username(), clock.now());
        jpa.tx(em -> {
            MonthResources before = entries(em, r.month()).get(r.month());
            Sql sql = new Sql(em);
            String ym = r.month().toString();
            sql.update("DELETE FROM rpt_month_tech WHERE ym = ?", ym);
            sql.update("DELETE FROM rpt_month WHERE ym = ?", ym);
            sql.update("INSERT INTO rpt_month (ym, working_weekdays, shift_hours, bays_mechanical, bays_body,"
                    + " bays_paint, commission_share, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", ym,
                    weekdays(r.workingWeekdays()), r.shiftHours(), bays(r, Trade.MECHANICAL), bays(r, Trade.BODY),
                    bays(r, Trade.PAINT), r.commissionShare(), actor.username(), Stored.utc(stored.updatedAt()));
            int seq = 0;
            for (TechnicianResource t : r.technicians()) {
                sql.update("INSERT INTO rpt_month_tech (ym, login, trade, wage, seq) VALUES (?, ?, ?, ?, ?)", ym,
                        t.login().trim(), t.trade().name(), t.wage(), seq++);
            }
            audit.record(em, actor, "report.resources", ym, before, stored);
        });
        AfterCommit.tell(listeners, ReportsListener::resourcesChanged,
                new ResourcesChangedEvent("month", r.month().atDay(1), actor.username(), stored.updatedAt()),
                "resources " + r.month());
        return stored;
    }

    private static int bays(MonthResources r, Trade trade) {
        return r.bays().getOrDefault(trade, 0);
    }

    static void validate(MonthResources r) {
        Violations v = new Violations();
        if (r == null || r.month() == null) {
            v.add("month", "required", "请选择月份", "choose the month");
            v.throwIfAny();
        }
        if (r.workingWeekdays().isEmpty()) {
            v.add("workingWeekdays", "required", "请选择每周工作日", "choose the working days of the week");
        }
        if (r.shiftHours() == null || r.shiftHours().signum() <= 0
                || r.shiftHours().compareTo(BigDecimal.valueOf(24)) > 0
                || r.shiftHours().scale() > 2) {
            v.add("shiftHours", "out_of_range", "班次工时须大于 0、不超过 24，最多两位小数",
                    "shift hours must be over 0 and at most 24, with at most 2 decimals");
        }
        for (Map.Entry<Trade, Integer> e : r.bays().entrySet()) {
            if (e.getValue() == null || e.getValue() < 0 || e.getValue() > 1000) {
                v.add("bays." + e.getKey(), "out_of_range", e.getKey().zh() + "工位数须在 0 到 1000 之间",
                        e.getKey() + " bays must be between 0 and 1000");
            }
        }
        if (r.commissionShare() == null || r.commissionShare().signum() < 0
                || r.commissionShare().compareTo(BigDecimal.ONE) > 0) {
            v.add("commissionShare", "out_of_range", "提成比例须在 0 到 1 之间（如 0.15）",
                    "the commission share must be between 0 and 1 (e.g. 0.15)");
        }
        if (r.technicians().size() > TECHNICIANS_MAX) {
            v.add("technicians", "too_many", "技师最多 " + TECHNICIANS_MAX + " 人", "at most " + TECHNICIANS_MAX
                    + " technicians");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < r.technicians().size(); i++) {
            TechnicianResource t = r.technicians().get(i);
            String at = "technicians[" + i + "]";
            if (t == null || t.login() == null || t.login().isBlank() || t.login().trim().length() > 64) {
                v.add(at + ".login", "required", "请填写技师账号（最多 64 字）", "enter the technician's login (at most 64)");
            } else if (!seen.add(t.login().trim())) {
                v.add(at + ".login", "duplicate", "技师 " + t.login() + " 重复", "technician " + t.login() + " is twice");
            }
            if (t != null && t.trade() == null) {
                v.add(at + ".trade", "required", "请选择工种", "choose the trade");
            }
            if (t != null && (t.wage() == null || t.wage().signum() < 0 || t.wage().scale() > 2
                    || t.wage().compareTo(new BigDecimal("10000000")) >= 0)) {
                v.add(at + ".wage", "out_of_range", "月工资须为 0 或以上的金额（元，最多两位小数）",
                        "the wage must be an amount of 0 or more (yuan, at most 2 decimals)");
            }
        }
        v.throwIfAny();
    }

    @Override
    public List<CalendarDay> calendar(Period period, Actor actor) {
        permissions.require(actor, READ);
        return jpa.txExpr(em -> new Sql(em).query(
                "SELECT cal_day, working, note FROM rpt_calendar WHERE cal_day BETWEEN ? AND ? ORDER BY cal_day",
                rs -> new CalendarDay(Sql.day(rs, 1), rs.getInt(2) == 1, rs.getString(3)), period.from(),
                period.to()));
    }

    /** Likewise one mark at a time. */
    @Override
    public synchronized CalendarDay mark(CalendarDay day, Actor actor) {
        permissions.require(actor, EDIT);
        Violations v = new Violations();
        if (day == null || day.day() == null) {
            v.add("day", "required", "请选择日期", "choose the date");
            v.throwIfAny();
        }
        v.maxLength("note", day.note(), NOTE_MAX);
        v.throwIfAny();
        CalendarDay stored = jpa.txExpr(em -> {
            Sql sql = new Sql(em);
            List<CalendarDay> before = sql.query("SELECT cal_day, working, note FROM rpt_calendar WHERE cal_day = ?",
                    rs -> new CalendarDay(Sql.day(rs, 1), rs.getInt(2) == 1, rs.getString(3)), day.day());
            sql.update("DELETE FROM rpt_calendar WHERE cal_day = ?", day.day());
            Set<DayOfWeek> week = entries(em, YearMonth.from(day.day())).values().stream().reduce((a, b) -> b)
                    .map(MonthResources::workingWeekdays).orElse(PeriodResources.DEFAULT_WEEK);
            boolean usual = week.contains(day.day().getDayOfWeek()) == day.working();
            CalendarDay after = usual ? null
                    : new CalendarDay(day.day(), day.working(), day.note() == null ? null : day.note().trim());
            if (after != null) {
                sql.update("INSERT INTO rpt_calendar (cal_day, working, note) VALUES (?, ?, ?)", day.day(),
                        day.working(), Sql.orNull(after.note()));
            }
            audit.record(em, actor, "report.calendar", day.day().toString(), before.isEmpty() ? null : before.get(0),
                    after);
            return after == null ? new CalendarDay(day.day(), day.working(), null) : after;
        });
        AfterCommit.tell(listeners, ReportsListener::resourcesChanged,
                new ResourcesChangedEvent("calendar", day.day(), actor.username(), clock.now()), "calendar " + day);
        return stored;
    }

    @Override
    public int workingDays(Period period, Actor actor) {
        permissions.require(actor, READ);
        return jpa.txExpr(em -> resources(em, period)).workingDays();
    }

    /** The period's resources, read in the caller's transaction. */
    PeriodResources resources(EntityManager em, Period period) {
        Map<LocalDate, Boolean> marks = new LinkedHashMap<>();
        new Sql(em).query("SELECT cal_day, working FROM rpt_calendar WHERE cal_day BETWEEN ? AND ?", rs -> {
            marks.put(Sql.day(rs, 1), rs.getInt(2) == 1);
            return null;
        }, YearMonth.from(period.from()).atDay(1), YearMonth.from(period.to()).atEndOfMonth());
        return PeriodResources.of(period, entries(em, YearMonth.from(period.to())), marks);
    }

    /** Every entry up to the month (the latest earlier one included), by month. */
    static NavigableMap<YearMonth, MonthResources> entries(EntityManager em, YearMonth upTo) {
        Sql sql = new Sql(em);
        NavigableMap<YearMonth, MonthResources> out = new TreeMap<>();
        Map<String, List<TechnicianResource>> techs = new LinkedHashMap<>();
        sql.query("SELECT ym, login, trade, wage FROM rpt_month_tech WHERE ym <= ? ORDER BY ym, seq", rs -> {
            techs.computeIfAbsent(rs.getString(1), k -> new java.util.ArrayList<>())
                    .add(new TechnicianResource(rs.getString(2), Trade.valueOf(rs.getString(3)), Sql.money(rs, 4)));
            return null;
        }, upTo.toString());
        sql.query("SELECT ym, working_weekdays, shift_hours, bays_mechanical, bays_body, bays_paint,"
                + " commission_share, updated_by, updated_at FROM rpt_month WHERE ym <= ? ORDER BY ym", rs -> {
                    YearMonth m = YearMonth.parse(rs.getString(1));
                    Map<Trade, Integer> bays = new EnumMap<>(Trade.class);
                    bays.put(Trade.MECHANICAL, rs.getInt(4));
                    bays.put(Trade.BODY, rs.getInt(5));
                    bays.put(Trade.PAINT, rs.getInt(6));
                    out.put(m, new MonthResources(m, weekdays(rs.getString(2)), rs.getBigDecimal(3), bays,
                            techs.getOrDefault(rs.getString(1), List.of()), rs.getBigDecimal(7), rs.getString(8),
                            Stored.instant(rs.getTimestamp(9).toLocalDateTime())));
                    return null;
                }, upTo.toString());
        return out;
    }

    static String weekdays(Set<DayOfWeek> days) {
        StringBuilder s = new StringBuilder();
        days.stream().sorted().forEach(d -> s.append(d.getValue()));
        return s.toString();
    }

    static Set<DayOfWeek> weekdays(String digits) {
        Set<DayOfWeek> out = EnumSet.noneOf(DayOfWeek.class);
        digits.chars().forEach(c -> out.add(DayOfWeek.of(c - '0')));
        return out;
    }
}
