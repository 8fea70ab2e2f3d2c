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
import org.opendms.settlement.api.Settlement;
import org.opendms.settlement.api.Settlements;

@Service
@Command(scope = "dms", name = "reverse", description = "红冲 Reverse a settled document (the manager), refunds to the same tenders")
public class ReverseCommand implements Action {

    @Reference
    Settlements settlements;

    @Option(name = "--version", required = true, description = "dms:settlement-show 显示的版本 the version shown")
    long version;

    @Option(name = "--reason", required = true, description = "红冲原因 why")
    String reason;

    @Argument(index = 0, name = "id", required = true, description = "结算单 id document id")
    long id;

    @Override
    public Object execute() {
        try {
            Settlement r = settlements.reverse(id, version, reason, ConsoleActor.current());
            ConsoleText.out().println(SettlementShow.summary(r));
        } catch (DmsException e) {
            ConsolePrinter.refusal(ConsoleText.out(), e);
        }
        return null;
    }
}
