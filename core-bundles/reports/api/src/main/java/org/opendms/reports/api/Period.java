package org.opendms.reports.api;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

import org.opendms.platform.api.DmsException;

/**
 * Shop-local days from {@code from} to {@code to}, both included.
 *
 * @throws DmsException INVALID_INPUT {@code to} when it is before {@code from} or the period is longer than
 *                      {@value #MAX_DAYS} days
 */
public record Period(LocalDate from, LocalDate to) {

    /** Ten years: the longest period a report reads. */
    public static final int MAX_DAYS = 3_660;

    public Period {
        if (from == null) {
            throw DmsException.invalid("from", "required", "请选择开始日期", "choose the first day");
        }
        if (to == null) {
            throw DmsException.invalid("to", "required", "请选择结束日期", "choose the last day");
        }
        if (to.isBefore(from)) {
            throw DmsException.invalid("to", "period.reversed", "结束日期早于开始日期", "the last day is before the first");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw DmsException.invalid("to", "period.too_long", "统计期最长 " + MAX_DAYS + " 天",
                    "a period is at most " + MAX_DAYS + " days");
        }
    }

    public static Period of(YearMonth month) {
        return new Period(month.atDay(1), month.atEndOfMonth());
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    /**
     * The period just before, of the same shape: the previous calendar month for a whole month, else the same number
     * of days ending the day before.
     */
    public Period previous() {
        if (wholeMonths()) {
            long months = ChronoUnit.MONTHS.between(YearMonth.from(from), YearMonth.from(to)) + 1;
            return new Period(from.minusMonths(months), from.minusDays(1));
        }
        return new Period(from.minusDays(days()), from.minusDays(1));
    }

    /** The same days a year earlier (29 February becomes the 28th). */
    public Period lastYear() {
        if (wholeMonths()) {
            return new Period(from.minusYears(1), YearMonth.from(to.minusYears(1)).atEndOfMonth());
        }
        return new Period(from.minusYears(1), to.minusYears(1));
    }

    private boolean wholeMonths() {
        return from.getDayOfMonth() == 1 && to.equals(YearMonth.from(to).atEndOfMonth());
    }

    @Override
    public String toString() {
        return from + ".." + to;
    }
}
