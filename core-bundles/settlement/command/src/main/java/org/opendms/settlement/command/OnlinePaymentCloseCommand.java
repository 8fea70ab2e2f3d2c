package org.opendms.settlement.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.console.api.ConsoleActor;
import org.opendms.platform.console.api.ConsolePrinter;
import org.opendms.platform.console.api.ConsoleText;
import org.opendms.settlement.api.payment.OnlinePayments;

@Service
@Command(scope = "dms", name = "online-payment-close", description = "关单 Close a pending online payment the customer will not pay (the bill can then be paid another way)")
public class OnlinePaymentCloseCommand implements Action {

    @Reference
    OnlinePayments payments;

    @Argument(index = 0, name = "id", required = true, description = "在线支付 id online payment id")
    long id;

    @Override
    public Object execute() {
        try {
            ConsoleText.out().println(OnlinePayCommand.line(payments.close(id, ConsoleActor.current())));
        } catch (DmsException e) {
            ConsolePrinter.refusal(ConsoleText.out(), e);
        }
        return null;
    }
}
