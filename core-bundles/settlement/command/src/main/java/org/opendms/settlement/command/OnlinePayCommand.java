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
import org.opendms.settlement.api.payment.OnlinePayment;
import org.opendms.settlement.api.payment.OnlinePayments;
import org.opendms.settlement.api.payment.PaymentScene;

@Service
@Command(scope = "dms", name = "online-pay", description = "在线支付 Start an online payment of a document: a QR code to show, or --code the customer's payment code")
public class OnlinePayCommand implements Action {

    @Reference
    OnlinePayments payments;

    @Argument(index = 0, name = "settlementId", required = true, description = "结算单 id document id")
    long settlementId;

    @Option(name = "--provider", description = "支付平台 provider (default WECHATPAY)")
    String provider = "WECHATPAY";

    @Option(name = "--code", description = "付款码 the payment code scanned from the customer's phone")
    String code;

    @Option(name = "--amount", description = "金额 yuan; default the whole outstanding amount")
    String amount;

    @Override
    public Object execute() {
        try {
            OnlinePayment p = payments.start(settlementId, provider,
                    code == null ? PaymentScene.NATIVE_QR : PaymentScene.PAYMENT_CODE,
                    amount == null ? null : SettleCommand.amount(amount), code, ConsoleActor.current());
            ConsoleText.out().println(line(p));
        } catch (DmsException e) {
            ConsolePrinter.refusal(ConsoleText.out(), e);
        }
        return null;
    }

    static String line(OnlinePayment p) {
        return "在线支付 online payment " + p.id() + " " + p.number() + " " + p.provider() + " " + p.amount() + " "
                + p.status() + (p.codeUrl() == null ? "" : " QR " + p.codeUrl())
                + (p.transactionId() == null ? "" : " txn " + p.transactionId());
    }
}
