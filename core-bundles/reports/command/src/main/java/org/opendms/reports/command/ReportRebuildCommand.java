package org.opendms.reports.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opendms.platform.console.api.ConsoleActor;
import org.opendms.platform.console.api.ConsoleText;
import org.opendms.reports.api.Period;

@Service
@Command(scope = "dms", name = "report-rebuild", description = "重算报表 Project the work orders opened in a period and their documents into the reports again (after a restore)")
public class ReportRebuildCommand extends PeriodOptions {

    @Override
    void report(Period p) {
        int n = reports.rebuild(p, ConsoleActor.current());
        ConsoleText.out().println(p + " 重算 " + n + " 张工单 work orders projected");
    }
}
