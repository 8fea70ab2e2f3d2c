package org.opendms.invoicing.command;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

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
@Command(scope = "dms", name = "invoice-issue", description = "开票 Issue a requested invoice: through the provider, or recording the number the tax software gave")
public class InvoiceIssueCommand implements Action {

    @Reference
    Invoices invoices;

    @Option(name = "--version", required = true, description = "dms:invoice-list 显示的版本 the version shown")
    long version;

    @Option(name = "--date", description = "开票日期 yyyy-MM-dd (default today)")
    String date;

    @Argument(index = 0, name = "id", required = true, description = "发票申请 id")
    long id;

    @Argument(index = 1, name = "invoiceNumber", required = false, description = "发票号码 (absent when a provider issues)")
    String invoiceNumber;

    @Override
    public Object execute() {
        try {
            LocalDate d = date == null ? null : LocalDate.parse(date);
            ConsoleText.out().println(InvoiceLines.summary(invoices.issue(id, version, invoiceNumber, d,
                    ConsoleActor.current())));
        } catch (DmsException e) {
            ConsolePrinter.refusal(ConsoleText.out(), e);
        } catch (DateTimeParseException e) {
            ConsoleText.out().println("日期格式 yyyy-MM-dd / a day is written yyyy-MM-dd");
        }
        return null;
    }
}
