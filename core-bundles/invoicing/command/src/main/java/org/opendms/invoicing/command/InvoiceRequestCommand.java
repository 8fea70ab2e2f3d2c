package org.opendms.invoicing.command;

import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opendms.invoicing.api.InvoiceDraft;
import org.opendms.invoicing.api.InvoiceKind;
import org.opendms.invoicing.api.Invoices;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.console.api.ConsoleActor;
import org.opendms.platform.console.api.ConsolePrinter;
import org.opendms.platform.console.api.ConsoleText;

@Service
@Command(scope = "dms", name = "invoice-request", description = "登记开票申请 Record a customer's invoice request for a settled document")
public class InvoiceRequestCommand implements Action {

    @Reference
    Invoices invoices;

    @Option(name = "--special", description = "增值税专用发票 a special VAT invoice (default: ordinary)")
    boolean special;

    @Option(name = "--tax-no", description = "纳税人识别号 the buyer's taxpayer number (18 characters)")
    String taxpayerNumber;

    @Option(name = "--address", description = "地址 the buyer's address (special)")
    String address;

    @Option(name = "--phone", description = "电话 the buyer's phone (special)")
    String phone;

    @Option(name = "--bank", description = "开户行 the buyer's bank (special)")
    String bank;

    @Option(name = "--account", description = "银行账号 the buyer's bank account (special)")
    String account;

    @Option(name = "--email", description = "电子邮箱 where the invoice is sent")
    String email;

    @Argument(index = 0, name = "settlementId", required = true, description = "结算单 id the settled document")
    long settlementId;

    @Argument(index = 1, name = "buyer", required = true, description = "购买方名称 the buyer's name")
    String buyer;

    @Override
    public Object execute() {
        try {
            var made = invoices.request(new InvoiceDraft(settlementId,
                    special ? InvoiceKind.SPECIAL : InvoiceKind.ORDINARY, buyer,
                    taxpayerNumber == null ? null : taxpayerNumber.toUpperCase(Locale.ROOT), address, phone, bank,
                    account, email), ConsoleActor.current());
            ConsoleText.out().println(InvoiceLines.summary(made));
        } catch (DmsException e) {
            ConsolePrinter.refusal(ConsoleText.out(), e);
        }
        return null;
    }
}
