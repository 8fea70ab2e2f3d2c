package org.opendms.settlement.command;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.console.api.ConsolePrinter;
import org.opendms.platform.console.api.ConsoleText;
import org.opendms.settlement.api.Ageing;
import org.opendms.settlement.api.CreditStatements;

/** Ageing of credit accounts: what is owed by days past due. */
@Service
@Command(scope = "dms", name = "ageing", description = "账龄 What credit accounts owe by days past due (one account, or all)")
public class AgeingCommand implements Action {

    @Reference
    CreditStatements statements;

    @Argument(index = 0, name = "customerId", required = false, description = "单位客户 id company customer id")
    Long customerId;

    @Override
    public Object execute() {
        try {
            List<Ageing> rows = customerId == null ? statements.ageing() : List.of(statements.ageing(customerId));
            ConsoleText.out().println("客户 customer | 未到期 current | 1-30 | 31-60 | 61-90 | 90+ | 合计 total");
            for (Ageing a : rows) {
                ConsoleText.out().println(a.customerId() + " " + a.customerName() + " | " + a.current() + " | "
                        + a.days30() + " | " + a.days60() + " | " + a.days90() + " | " + a.over90() + " | "
                        + a.total() + (a.overdue() ? "  逾期 OVERDUE" : ""));
            }
        } catch (DmsException e) {
            ConsolePrinter.refusal(ConsoleText.out(), e);
        }
        return null;
    }
}
