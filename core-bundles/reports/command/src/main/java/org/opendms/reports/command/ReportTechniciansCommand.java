package org.opendms.reports.command;

import java.util.List;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opendms.platform.console.api.ConsoleActor;
import org.opendms.platform.console.api.ConsoleText;
import org.opendms.reports.api.Period;
import org.opendms.reports.api.TechnicianFigures;

@Service
@Command(scope = "dms", name = "report-technicians", description = "技师绩效 Each technician's work orders, hours, productivity, comebacks, labour revenue and commission base")
public class ReportTechniciansCommand extends PeriodOptions {

    @Override
    void report(Period period) {
        List<TechnicianFigures> list = reports.technicians(period, ConsoleActor.current());
        ConsoleText.out().println(String.format("%-16s %6s %9s %9s %9s %6s %12s %12s", "技师", "工单", "收费工时",
                "实际工时", "生产效率", "返修", "工时收入", "提成基数"));
        for (TechnicianFigures t : list) {
            ConsoleText.out().println(String.format("%-16s %6d %9s %9s %9s %6d %12s %12s", t.technician(),
                    t.workOrders(), t.soldHours(), t.clockedHours(),
                    ReportKpisCommand.value(t.productivity(), "PERCENT"), t.comebacks(), t.labourRevenue(),
                    t.commissionBase() == null ? "—" : t.commissionBase()));
        }
        ConsoleText.out().println(list.size() + " 名技师 technicians");
    }
}
