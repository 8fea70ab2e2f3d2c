package org.opendms.parts.command;

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
import org.opendms.parts.api.StockMovement;
import org.opendms.parts.api.Warehouse;
import org.opendms.parts.api.Warehouses;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.console.api.ConsoleActor;
import org.opendms.platform.console.api.ConsolePrinter;
import org.opendms.platform.console.api.ConsoleText;

@Service
@Command(scope = "dms", name = "stock-issue", description = "工单领料（--return 退料） Issue a part to a work-order line, or take a return")
public class StockIssue implements Action {

    @Reference
    Catalogue catalogue;

    @Reference
    Warehouses warehouses;

    @Reference
    StockLedger ledger;

    @Option(name = "--wo", required = true, description = "工单 id work order id")
    long workOrderId;

    @Option(name = "--line", required = true, description = "工单配件行 id part line id")
    long lineId;

    @Option(name = "--warehouse", aliases = "-w", description = "仓库代码，默认总库 warehouse code")
    String warehouse;

    @Option(name = "--bin", aliases = "-b", description = "库位代码 bin code")
    String bin;

    @Option(name = "--return", description = "退料（从工单退回） a return from the line")
    boolean returned;

    @Argument(index = 0, name = "partNumber", required = true, description = "配件号 part number")
    String partNumber;

    @Argument(index = 1, name = "quantity", required = true, description = "数量 quantity")
    String quantity;

    @Override
    public Object execute() {
        try {
            Part p = PartsConsole.part(catalogue, partNumber, returned ? null : ConsoleText.out());
            Warehouse w = PartsConsole.warehouse(warehouses, warehouse);
            Long binId = PartsConsole.bin(warehouses, w, bin);
            MovementDraft d = returned
                    ? MovementDraft.returned(p.id(), w.id(), binId, PartsConsole.number("quantity", quantity),
                            workOrderId, lineId, null)
                    : MovementDraft.issue(p.id(), w.id(), binId, PartsConsole.number("quantity", quantity), workOrderId,
                            lineId);
            Posting posted = ledger.post(d, ConsoleActor.current());
            for (StockMovement m : posted.movements()) {
                ConsoleText.out().println((returned ? "已退料 returned " : "已领料 issued ")
                        + PartsConsole.show(m.quantity().abs()) + " " + p.number().printed() + " "
                        + w.code() + (m.batchNumber() == null ? "" : " 批次 batch " + m.batchNumber())
                        + "，在库 on hand " + PartsConsole.show(m.onHandAfter()));
            }
        } catch (DmsException e) {
            ConsolePrinter.refusal(ConsoleText.out(), e);
        }
        return null;
    }
}
