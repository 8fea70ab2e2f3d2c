package org.opendms.settlement.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.console.api.ConsoleActor;
import org.opendms.platform.console.api.ConsolePrinter;
import org.opendms.platform.console.api.ConsoleText;
import org.opendms.settlement.api.payment.OnlinePayment;
import org.opendms.settlement.api.payment.OnlinePayments;

/** A step on one online payment by its id (refresh, close): prints the payment after it, or the refusal. */
abstract class OnlinePaymentStep implements Action {

    @Reference
    OnlinePayments payments;

    @Argument(index = 0, name = "id", required = true, description = "在线支付 id online payment id")
    long id;

    abstract OnlinePayment step(long id, Actor actor);

    @Override
    public Object execute() {
        try {
            ConsoleText.out().println(OnlinePayCommand.line(step(id, ConsoleActor.current())));
        } catch (DmsException e) {
            ConsolePrinter.refusal(ConsoleText.out(), e);
        }
        return null;
    }
}
