package org.opendms.settlement.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opendms.platform.api.Actor;
import org.opendms.settlement.api.payment.OnlinePayment;

@Service
@Command(scope = "dms", name = "online-payment-close", description = "关单 Close a pending online payment the customer will not pay (the bill can then be paid another way)")
public class OnlinePaymentCloseCommand extends OnlinePaymentStep {

    @Override
    OnlinePayment step(long id, Actor actor) {
        return payments.close(id, actor);
    }
}
