package org.opendms.settlement.command;

import java.time.LocalDate;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.ShopClock;
import org.opendms.platform.console.api.ConsoleActor;
import org.opendms.platform.console.api.ConsolePrinter;
import org.opendms.platform.console.api.ConsoleText;
import org.opendms.settlement.api.CashUps;

@Service
@Command(scope = "dms", name = "cashup-show", description = "日结 A cashier's day: expected per tender, counted cash, variance (default: yours, today)")
public class CashUpShow implements Action {

    @Reference
    CashUps cashUps;

    @Reference
    ShopClock clock;

    @Argument(index = 0, name = "cashier", required = false, description = "收银员 the cashier's user name")
    String cashier;

    @Option(name = "--day", description = "日期 yyyy-MM-dd (default today)")
    String day;

    @Override
    public Object execute() {
        try {
            String who = cashier == null ? ConsoleActor.current().username() : cashier;
            LocalDate d = day == null ? clock.today() : LocalDate.parse(day);
            ConsoleText.out().println(CashUpCommands.show(cashUps.of(who, d)));
        } catch (DmsException e) {
            ConsolePrinter.refusal(ConsoleText.out(), e);
        } catch (java.time.format.DateTimeParseException e) {
            ConsoleText.out().println("日期格式 yyyy-MM-dd / a day is written yyyy-MM-dd");
        }
        return null;
    }
}
