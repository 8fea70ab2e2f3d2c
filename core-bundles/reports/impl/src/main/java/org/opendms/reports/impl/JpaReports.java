package org.opendms.reports.impl;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.aries.jpa.template.JpaTemplate;
import org.opendms.parts.api.figures.PartsFigureSheet;
import org.opendms.parts.api.figures.PartsFigures;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.schema.SchemaReady;
import org.opendms.platform.api.security.Permissions;
import org.opendms.reports.api.CustomerFigures;
import org.opendms.reports.api.DrillRow;
import org.opendms.reports.api.Forecast;
import org.opendms.reports.api.Granularity;
import org.opendms.reports.api.Kpi;
import org.opendms.reports.api.KpiPack;
import org.opendms.reports.api.Period;
import org.opendms.reports.api.Reports;
import org.opendms.reports.api.RevenueBucket;
import org.opendms.reports.api.RevenueReport;
import org.opendms.reports.api.TechnicianFigures;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** Reports over the facts the {@link Projection} keeps, and the shop's resources. */
@Component(service = Reports.class)
public class JpaReports implements Reports {

    @Reference(target = "(osgi.unit.name=dms-reports)")
    JpaTemplate jpa;

    @Reference(target = "(" + SchemaReady.BUNDLE + "=org.opendms.reports.impl)")
    SchemaReady schema;

    @Reference
    Permissions permissions;

    @Reference
    JpaShopResources resources;

    @Reference
    Projection projection;

    /** The parts module's figures; core always runs it, a test database may not. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile PartsFigures parts;

    @Override
    public KpiPack kpis(Period period, Actor actor) {
        permissions.require(actor, JpaShopResources.READ);
        Map<Period, PeriodResources> res = new HashMap<>();
        Map<Period, Figures> figures = new HashMap<>();
        List<Period> periods = List.of(period, period.previous(), period.lastYear());
        jpa.tx(em -> {
            for (Period p : periods) {
                res.put(p, resources.resources(em, p));
                figures.put(p, FactQueries.figures(em, p));
            }
        });
        List<List<Kpi>> computed = new ArrayList<>();
        for (Period p : periods) {
            String[] why = new String[1];
            KpiFormulas.Parts partFigures = partsOf(p, actor, why);
            computed.add(KpiFormulas.compute(figures.get(p), res.get(p), partFigures, why[0]));
        }
        List<Kpi> out = new ArrayList<>();
        for (int i = 0; i < computed.get(0).size(); i++) {
            Kpi k = computed.get(0).get(i);
            out.add(new Kpi(k.code(), k.nameZh(), k.nameEn(), k.formulaZh(), k.formulaEn(), k.unit(), k.value(),
                    k.inputs(), k.missing(), computed.get(1).get(i).value(), computed.get(2).get(i).value(),
                    k.drill()));
        }
        PeriodResources r = res.get(period);
        return new KpiPack(period, r.workingDays(), r.average(r.bayDays()), r.average(r.technicianDays()),
                r.average(r.shiftDays()), out);
    }

    /** The parts module's figures of the period, or null with why not. */
    private KpiFormulas.Parts partsOf(Period p, Actor actor, String[] why) {
        if (p.days() > PartsFigures.MAX_DAYS) {
            why[0] = "备件指标 parts figures (统计期超过 " + PartsFigures.MAX_DAYS + " 天 period over "
                    + PartsFigures.MAX_DAYS + " days)";
            return null;
        }
        PartsFigures figures = parts;
        if (figures == null) {
            why[0] = "备件指标 parts figures (备件模块未运行 the parts module is not running)";
            return null;
        }
        try {
            PartsFigureSheet s = figures.figures(p.from(), p.to(), List.of(), actor);
            return new KpiFormulas.Parts(s.linesRequested(), s.linesFilledAtOnce(), s.linesOrderedUrgently(),
                    s.costOfPartsIssued(), s.averageInventoryValue());
        } catch (DmsException e) {
            why[0] = "备件指标 parts figures (" + e.getMessage() + ")";
            return null;
        }
    }

    @Override
    public RevenueReport revenue(Period period, Granularity granularity, Actor actor) {
        permissions.require(actor, JpaShopResources.READ);
        if (granularity == null) {
            throw DmsException.invalid("by", "required", "请选择按日、周、月、季或年", "choose day, week, month, quarter or year");
        }
        Object[] read = new Object[3];
        jpa.tx(em -> {
            read[0] = FactQueries.revenueDays(em, period);
            read[1] = FactQueries.figures(em, period);
            read[2] = resources.resources(em, period);
        });
        @SuppressWarnings("unchecked")
        List<FactQueries.DayRow> days = (List<FactQueries.DayRow>) read[0];
        Figures f = (Figures) read[1];
        PeriodResources r = (PeriodResources) read[2];
        Map<LocalDate, Sums> buckets = new LinkedHashMap<>();
        for (LocalDate start = start(period.from(), granularity); !start.isAfter(period.to()); start = next(start,
                granularity)) {
            buckets.put(start, new Sums());
        }
        Sums total = new Sums();
        for (FactQueries.DayRow d : days) {
            buckets.get(start(d.day(), granularity)).add(d);
            total.add(d);
        }
        List<RevenueBucket> out = new ArrayList<>();
        buckets.forEach((start, sums) -> {
            LocalDate end = next(start, granularity).minusDays(1);
            LocalDate from = start.isBefore(period.from()) ? period.from() : start;
            LocalDate to = end.isAfter(period.to()) ? period.to() : end;
            out.add(sums.bucket(label(start, granularity), from, to));
        });
        RevenueBucket whole = total.bucket(period.toString(), period.from(), period.to());
        BigDecimal wages = r.covered() ? r.wages() : null;
        return new RevenueReport(period, granularity, out, whole, wages,
                wages == null ? null : whole.labour().subtract(wages), whole.parts().subtract(whole.partsCost()),
                f.settledVehicles(), divide(f.revenue(), f.settledVehicles()),
                divide(f.customerRevenue(), f.customerVehicles()));
    }

    private static BigDecimal divide(BigDecimal a, long b) {
        return b == 0 ? null : a.divide(BigDecimal.valueOf(b), 2, java.math.RoundingMode.HALF_UP);
    }

    static LocalDate start(LocalDate day, Granularity g) {
        return switch (g) {
        case DAY -> day;
        case WEEK -> day.with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
        case MONTH -> day.withDayOfMonth(1);
        case QUARTER -> day.withMonth(((day.getMonthValue() - 1) / 3) * 3 + 1).withDayOfMonth(1);
        case YEAR -> day.withDayOfYear(1);
        };
    }

    static LocalDate next(LocalDate start, Granularity g) {
        return switch (g) {
        case DAY -> start.plusDays(1);
        case WEEK -> start.plusWeeks(1);
        case MONTH -> start.plusMonths(1);
        case QUARTER -> start.plusMonths(3);
        case YEAR -> start.plusYears(1);
        };
    }

    static String label(LocalDate start, Granularity g) {
        return switch (g) {
        case DAY -> start.toString();
        case WEEK -> String.format("%d-W%02d", start.get(IsoFields.WEEK_BASED_YEAR),
                start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        case MONTH -> start.toString().substring(0, 7);
        case QUARTER -> start.getYear() + "-Q" + start.get(IsoFields.QUARTER_OF_YEAR);
        case YEAR -> String.valueOf(start.getYear());
        };
    }

    /** A bucket being summed. */
    private static final class Sums {
        BigDecimal labour = VisitFact.ZERO, parts = VisitFact.ZERO, other = VisitFact.ZERO, net = VisitFact.ZERO,
                cost = VisitFact.ZERO;
        long documents;
        final Map<String, BigDecimal> byPayer = new HashMap<>();
        final Map<String, BigDecimal> byType = new HashMap<>();

        void add(FactQueries.DayRow d) {
            labour = labour.add(d.labour());
            parts = parts.add(d.parts());
            other = other.add(d.other());
            net = net.add(d.net());
            cost = cost.add(d.partsCost());
            documents += d.documents();
            byPayer.merge(d.payer(), d.net(), BigDecimal::add);
            for (String t : d.visitTypes().split(",")) {
                if (!t.isEmpty()) {
                    byType.merge(t, d.net(), BigDecimal::add);
                }
            }
        }

        RevenueBucket bucket(String label, LocalDate from, LocalDate to) {
            return new RevenueBucket(label, from, to, labour, parts, other, net, cost, documents, byPayer, byType);
        }
    }

    @Override
    public List<TechnicianFigures> technicians(Period period, Actor actor) {
        permissions.require(actor, JpaShopResources.READ);
        return jpa.txExpr(em -> FactQueries.technicians(em, period,
                resources.resources(em, period).commissionShare()));
    }

    @Override
    public CustomerFigures customers(Period period, int monthsAway, Actor actor) {
        permissions.require(actor, JpaShopResources.READ);
        if (monthsAway < 1 || monthsAway > 60) {
            throw DmsException.invalid("months", "out_of_range", "久未回店的月数须在 1 到 60 之间",
                    "the months away must be between 1 and 60");
        }
        return jpa.txExpr(em -> CustomerQueries.customers(em, period, monthsAway));
    }

    @Override
    public Forecast forecast(YearMonth month, Actor actor) {
        permissions.require(actor, JpaShopResources.READ);
        LocalDate from = month.minusMonths(Forecasting.BACKTEST + 15L).atDay(1);
        Map<YearMonth, Forecasting.Month> history = new HashMap<>();
        jpa.tx(em -> new Sql(em).query("SELECT summary_day, vehicles_in, labour + parts + other_net FROM rpt_day"
                + " WHERE summary_day BETWEEN ? AND ? AND (vehicles_in <> 0 OR labour + parts + other_net <> 0)",
                rs -> history.merge(YearMonth.from(Sql.day(rs, 1)),
                        new Forecasting.Month(rs.getLong(2), Sql.money(rs, 3)),
                        (a, b) -> new Forecasting.Month(a.visits() + b.visits(), a.revenue().add(b.revenue()))),
                from, month.atDay(1).minusDays(1)));
        return Forecasting.forecast(month, history);
    }

    @Override
    public int rebuild(Period period, Actor actor) {
        permissions.require(actor, "report.rebuild");
        // queued on the projection's one writer, after every change told so far
        return projection.rebuild(period.from(), period.to());
    }

    @Override
    public List<DrillRow> drill(String kpi, Period period, Actor actor) {
        permissions.require(actor, JpaShopResources.READ);
        List<DrillRow> rows = kpi == null ? null : jpa.txExpr(em -> FactQueries.drill(em, kpi, period));
        if (rows == null) {
            throw FactQueries.unknownKpi(kpi);
        }
        return rows;
    }
}
