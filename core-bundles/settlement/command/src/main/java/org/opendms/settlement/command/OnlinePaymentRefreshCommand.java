package org.opendms.settlement.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opendms.platform.api.Actor;
import org.opendms.settlement.api.payment.OnlinePayment;

@Service
@Command(scope = "dms", name = "online-payment-refresh", description = "查询支付结果 Ask the provider about an online payment now and apply what it says")
public class OnlinePaymentRefreshCommand extends OnlinePaymentStep {

    @Override
    OnlinePayment step(long id, Actor actor) {
        return payments.refresh(id, actor);
    }
}
