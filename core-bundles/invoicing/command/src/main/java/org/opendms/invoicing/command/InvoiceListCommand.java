package org.opendms.invoicing.command;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opendms.invoicing.api.Invoice;
import org.opendms.invoicing.api.InvoiceQuery;
import org.opendms.invoicing.api.InvoiceStatus;
import org.opendms.invoicing.api.Invoices;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.ShopClock;
import org.opendms.platform.console.api.ConsoleActor;
import org.opendms.platform.console.api.ConsolePrinter;
import org.opendms.platform.console.api.ConsoleText;

@Service
@Command(scope = "dms", name = "invoice-list", description = "开票申请 Invoice requests of a day (default today), by status")
public class InvoiceListCommand implements Action {

    @Reference
    Invoices invoices;

    @Reference
    ShopClock clock;

    @Option(name = "--day", description = "日期 yyyy-MM-dd (default today)")
    String day;

    @Option(name = "--to", description = "截止日 yyyy-MM-dd: --day to --to")
    String to;

    @Option(name = "--status", description = "REQUESTED, ISSUED, VOIDED or CANCELLED")
    String status;

    @Override
    public Object execute() {
        try {
            LocalDate from = day == null ? clock.today() : LocalDate.parse(day);
            LocalDate until = to == null ? from : LocalDate.parse(to);
            InvoiceStatus st = status == null ? null : InvoiceStatus.valueOf(status.toUpperCase(Locale.ROOT));
            List<Invoice> list = invoices.list(new InvoiceQuery(from, until, st, null), ConsoleActor.current());
            for (Invoice i : list) {
                ConsoleText.out().println(InvoiceLines.summary(i));
            }
            ConsoleText.out().println(list.size() + " 条 requests" + (invoices.provider() == null
                    ? "；手工登记发票号码 numbers are recorded by hand"
                    : "；开票平台 provider " + invoices.provider()));
        } catch (DmsException e) {
            ConsolePrinter.refusal(ConsoleText.out(), e);
        } catch (DateTimeParseException e) {
            ConsoleText.out().println("日期格式 yyyy-MM-dd / a day is written yyyy-MM-dd");
        } catch (IllegalArgumentException e) {
            ConsoleText.out().println("状态 REQUESTED、ISSUED、VOIDED、CANCELLED / status is one of these");
        }
        return null;
    }
}
