package org.opendms.reports.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.ShopClock;
import org.opendms.platform.console.api.ConsoleActor;
import org.opendms.platform.console.api.ConsolePrinter;
import org.opendms.platform.console.api.ConsoleText;
import org.opendms.reports.api.Period;
import org.opendms.reports.api.Reports;

@Service
@Command(scope = "dms", name = "report-rebuild", description = "重算报表 Project the work orders opened in a period and their documents into the reports again (after a restore)")
public class ReportRebuildCommand extends PeriodOptions implements Action {

    @Reference
    Reports reports;

    @Reference
    ShopClock clock;

    @Override
    public Object execute() {
        try {
            Period p = period(clock.today());
            int n = reports.rebuild(p, ConsoleActor.current());
            ConsoleText.out().println(p + " 重算 " + n + " 张工单 work orders projected");
        } catch (DmsException e) {
            ConsolePrinter.refusal(ConsoleText.out(), e);
        }
        return null;
    }
}
