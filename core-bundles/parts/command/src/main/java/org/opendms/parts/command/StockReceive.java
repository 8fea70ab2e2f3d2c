package org.opendms.parts.command;

import java.time.LocalDate;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opendms.parts.api.Catalogue;
import org.opendms.parts.api.MovementDraft;
import org.opendms.parts.api.Part;
import org.opendms.parts.api.Posting;
import org.opendms.parts.api.StockLedger;
import org.opendms.parts.api.Warehouse;
import org.opendms.parts.api.Warehouses;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.console.api.ConsoleActor;
import org.opendms.platform.console.api.ConsolePrinter;
import org.opendms.platform.console.api.ConsoleText;

@Service
@Command(scope = "dms", name = "stock-receive", description = "配件入库 Receive a part into a warehouse and bin")
public class StockReceive implements Action {

    @Reference
    Catalogue catalogue;

    @Reference
    Warehouses warehouses;

    @Reference
    StockLedger ledger;

    @Argument(index = 0, name = "partNumber", required = true, description = "配件号 part number")
    String partNumber;

    @Argument(index = 1, name = "quantity", required = true, description = "数量 quantity")
    String quantity;

    @Argument(index = 2, name = "unitCost", required = true, description = "单位成本（不含税） unit cost without tax")
    String unitCost;

    @Option(name = "--warehouse", aliases = "-w", description = "仓库代码，默认总库 warehouse code, default the central store")
    String warehouse;

    @Option(name = "--bin", aliases = "-b", description = "库位代码 bin code, e.g. A-01-1")
    String bin;

    @Option(name = "--batch", description = "批次号 batch number")
    String batch;

    @Option(name = "--expires", description = "有效期至 expires on, e.g. 2027-06-30")
    String expires;

    @Option(name = "--ref", description = "单据号（采购单、送货单） reference, e.g. the purchase order")
    String reference;

    @Override
    public Object execute() {
        try {
            Part p = PartsConsole.part(catalogue, partNumber, ConsoleText.out());
            Warehouse w = PartsConsole.warehouse(warehouses, warehouse);
            MovementDraft d = MovementDraft.receipt(p.id(), w.id(), PartsConsole.bin(warehouses, w, bin),
                    PartsConsole.number("quantity", quantity), PartsConsole.number("unitCost", unitCost), reference);
            if (batch != null) {
                d = d.inBatch(batch, expires == null ? null : LocalDate.parse(expires.strip()));
            }
            Posting posted = ledger.post(d, ConsoleActor.current());
            ConsoleText.out().println("已入库 received " + PartsConsole.show(d.quantity()) + " " + p.number().printed()
                    + " → " + w.code() + "，在库 on hand " + PartsConsole.show(posted.movements().get(0).onHandAfter())
                    + "（过账 posting " + posted.id() + "）");
        } catch (java.time.format.DateTimeParseException e) {
            ConsolePrinter.refusal(ConsoleText.out(), DmsException.invalid("expires", "wrong_type",
                    "日期格式应为 2027-06-30", "a date is written 2027-06-30"));
        } catch (DmsException e) {
            ConsolePrinter.refusal(ConsoleText.out(), e);
        }
        return null;
    }
}
