package org.opendms.settlement.command;

import java.math.BigDecimal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.console.api.ConsoleActor;
import org.opendms.platform.console.api.ConsolePrinter;
import org.opendms.platform.console.api.ConsoleText;
import org.opendms.settlement.api.CashUps;

@Service
@Command(scope = "dms", name = "cashup-count", description = "交班清点 The cashier enters the cash counted at the end of today")
public class CashUpCount implements Action {

    @Reference
    CashUps cashUps;

    @Argument(index = 0, name = "countedCash", required = true, description = "清点现金 the cash in the drawer")
    BigDecimal countedCash;

    @Option(name = "--note", description = "备注 note")
    String note;

    @Override
    public Object execute() {
        try {
            ConsoleText.out().println(CashUpCommands.show(cashUps.count(countedCash, note, ConsoleActor.current())));
        } catch (DmsException e) {
            ConsolePrinter.refusal(ConsoleText.out(), e);
        }
        return null;
    }
}
