package org.opendms.reports.command;

import java.time.LocalDate;
import java.time.YearMonth;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.ShopClock;
import org.opendms.platform.console.api.ConsolePrinter;
import org.opendms.platform.console.api.ConsoleText;
import org.opendms.reports.api.Period;
import org.opendms.reports.api.Reports;

/**
 * A report command: --month, or --from and --to (default this month), run for the console's user; a refusal is printed
 * in Chinese and English.
 */
abstract class PeriodOptions implements Action {

    @Reference
    Reports reports;

    @Reference
    ShopClock clock;

    @Override
    public Object execute() {
        try {
            report(period(clock.today()));
        } catch (DmsException e) {
            ConsolePrinter.refusal(ConsoleText.out(), e);
        }
        return null;
    }

    /** Prints the report of the period. */
    abstract void report(Period period);

    @Option(name = "--month", description = "月份 yyyy-MM (default this month)")
    String month;

    @Option(name = "--from", description = "起始日 yyyy-MM-dd")
    String from;

    @Option(name = "--to", description = "截止日 yyyy-MM-dd (inclusive)")
    String to;

    Period period(LocalDate today) {
        try {
            if (from != null || to != null) {
                LocalDate f = from == null ? YearMonth.from(LocalDate.parse(to)).atDay(1) : LocalDate.parse(from);
                LocalDate t = to == null ? YearMonth.from(f).atEndOfMonth() : LocalDate.parse(to);
                return new Period(f, t);
            }
            return Period.of(month == null ? YearMonth.from(today) : YearMonth.parse(month));
        } catch (java.time.format.DateTimeParseException e) {
            throw DmsException.invalid(month != null && from == null && to == null ? "month" : "from", "invalid",
                    "日期格式 yyyy-MM-dd，月份 yyyy-MM", "a day is yyyy-MM-dd, a month yyyy-MM");
        }
    }
}
