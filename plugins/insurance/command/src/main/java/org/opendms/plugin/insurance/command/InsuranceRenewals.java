package org.opendms.plugin.insurance.command;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.console.api.ConsoleActor;
import org.opendms.platform.console.api.ConsolePrinter;
import org.opendms.platform.console.api.ConsoleText;
import org.opendms.plugin.insurance.api.InsuranceService;
import org.opendms.plugin.insurance.api.RenewalDue;

@Service
@Command(scope = "dms", name = "insurance-renewals", description = "续保名单 Insurance ending soon or lately and not renewed, by end date")
public class InsuranceRenewals implements Action {

    @Reference
    InsuranceService insurance;

    @Option(name = "--days", aliases = "-d", description = "提前天数 1–365，缺省为配置值 days ahead, 1–365; default the configured window")
    Integer days;

    @Override
    public Object execute() {
        try {
            List<RenewalDue> due = insurance.renewals(days, ConsoleActor.current());
            PolicyPrinter.renewals(ConsoleText.out(), due);
            int window = days == null ? insurance.renewalWindowDays() : days;
            ConsoleText.out()
                    .println("共 " + due.size() + " 条（未来 " + window + " 天及过去 " + InsuranceService.EXPIRED_SHOWN_DAYS
                            + " 天） " + due.size() + " due within " + window + " days or ended in the last "
                            + InsuranceService.EXPIRED_SHOWN_DAYS + " days");
        } catch (DmsException e) {
            ConsolePrinter.refusal(ConsoleText.out(), e);
        }
        return null;
    }
}
