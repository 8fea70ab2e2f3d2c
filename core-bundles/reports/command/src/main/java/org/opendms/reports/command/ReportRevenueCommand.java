package org.opendms.reports.command;

import java.util.Locale;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opendms.platform.console.api.ConsoleActor;
import org.opendms.platform.console.api.ConsoleText;
import org.opendms.reports.api.Granularity;
import org.opendms.reports.api.Period;
import org.opendms.reports.api.RevenueBucket;
import org.opendms.reports.api.RevenueReport;

@Service
@Command(scope = "dms", name = "report-revenue", description = "营业收入 Revenue by day, week, month, quarter or year, with margins and average tickets")
public class ReportRevenueCommand extends PeriodOptions {

    @Option(name = "--by", description = "DAY, WEEK, MONTH (default), QUARTER or YEAR")
    String by = "MONTH";

    @Override
    void report(Period period) {
        Granularity g;
        try {
            g = Granularity.valueOf(by.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            ConsoleText.out().println("--by 只能是 DAY、WEEK、MONTH、QUARTER 或 YEAR / one of these");
            return;
        }
        RevenueReport r = reports.revenue(period, g, ConsoleActor.current());
        ConsoleText.out().println(String.format("%-12s %12s %12s %12s %12s %6s", "期间", "工时", "配件", "其他", "合计",
                "单据"));
        for (RevenueBucket b : r.buckets()) {
            line(b);
        }
        line(r.total());
        ConsoleText.out().println("配件毛利 parts margin " + r.partsMargin() + "  工时毛利 labour margin "
                + (r.labourMargin() == null ? "—（未录入工资 wages not entered）" : r.labourMargin()) + "  车单价 "
                + (r.ticketPerVehicle() == null ? "—" : r.ticketPerVehicle()) + "  客单价 "
                + (r.ticketPerCustomer() == null ? "—" : r.ticketPerCustomer()));
    }

    private static void line(RevenueBucket b) {
        ConsoleText.out().println(String.format("%-12s %12s %12s %12s %12s %6d", b.label(), b.labour(), b.parts(),
                b.other(), b.net(), b.documents()));
    }
}
