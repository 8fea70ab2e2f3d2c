package org.opendms.settlement.command;

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
@Command(scope = "dms", name = "cashup-close", description = "日结 The manager closes a counted cashier's day (a variance needs --note)")
public class CashUpClose implements Action {

    @Reference
    CashUps cashUps;

    @Argument(index = 0, name = "id", required = true, description = "日结 id cash-up id")
    long id;

    @Option(name = "--version", required = true, description = "dms:cashup-show 显示的版本 the version shown")
    long version;

    @Option(name = "--note", description = "差额原因 why the cash is off")
    String note;

    @Override
    public Object execute() {
        try {
            ConsoleText.out().println(CashUpCommands.show(cashUps.close(id, version, note, ConsoleActor.current())));
        } catch (DmsException e) {
            ConsolePrinter.refusal(ConsoleText.out(), e);
        }
        return null;
    }
}
