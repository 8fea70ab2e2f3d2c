package org.opendms.reports.api;

import java.util.List;

import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Reports of any period, computed from what the platform recorded (permission {@code report.read}). Figures follow
 * the records within seconds of a change: a reversal (红冲) counts on its own day, negative; a work order changed
 * after its period changes that period's figures.
 */
@ProviderType
public interface Reports {

    /** The KPI pack of the FAW after-sales manual, with the previous period and the same period last year. */
    KpiPack kpis(Period period, Actor actor);

    /** Revenue and margins, cut by day, week, month, quarter or year. */
    RevenueReport revenue(Period period, Granularity granularity, Actor actor);

    /** Every technician who clocked, or was credited, in the period; by login. */
    List<TechnicianFigures> technicians(Period period, Actor actor);

    /**
     * The work orders behind a KPI of the pack (e.g. {@code comeback_rate}: the comebacks), newest first, at most
     * {@value #DRILL_MAX}.
     *
     * @throws DmsException NOT_FOUND {@code kpi} for a code with nothing to drill into
     */
    List<DrillRow> drill(String kpi, Period period, Actor actor);

    int DRILL_MAX = 2_000;

    /**
     * Customers of the period: new and returning, the maintenance return rate, and those not seen for
     * {@code monthsAway} months before the period's last day (久未回店), the most recently lapsed first.
     *
     * @throws DmsException INVALID_INPUT {@code months} not between 1 and 60
     */
    CustomerFigures customers(Period period, int monthsAway, Actor actor);

    int LAPSED_MAX = 500;

    /** A month's visits and revenue forecast from the months before it, with the method's backtest. */
    Forecast forecast(java.time.YearMonth month, Actor actor);

    /**
     * Projects the work orders opened in the period and their documents again (permission {@code report.rebuild}):
     * after a database restore, or for changes made while the reports bundle was stopped. Figures follow changes by
     * themselves otherwise.
     *
     * @return how many work orders were projected
     */
    int rebuild(Period period, Actor actor);
}
