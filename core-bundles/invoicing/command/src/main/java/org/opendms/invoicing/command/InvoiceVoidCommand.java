package org.opendms.invoicing.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opendms.invoicing.api.Invoices;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.console.api.ConsoleActor;
import org.opendms.platform.console.api.ConsolePrinter;
import org.opendms.platform.console.api.ConsoleText;

@Service
@Command(scope = "dms", name = "invoice-void", description = "作废发票 The manager voids an issued invoice, saying why")
public class InvoiceVoidCommand implements Action {

    @Reference
    Invoices invoices;

    @Option(name = "--version", required = true, description = "dms:invoice-list 显示的版本 the version shown")
    long version;

    @Option(name = "--reason", required = true, description = "作废原因 why")
    String reason;

    @Argument(index = 0, name = "id", required = true, description = "发票申请 id")
    long id;

    @Override
    public Object execute() {
        try {
            ConsoleText.out().println(InvoiceLines.summary(invoices.voidInvoice(id, version, reason,
                    ConsoleActor.current())));
        } catch (DmsException e) {
            ConsolePrinter.refusal(ConsoleText.out(), e);
        }
        return null;
    }
}
