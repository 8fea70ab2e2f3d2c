package org.opendms.parts.command;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opendms.parts.api.Catalogue;
import org.opendms.parts.api.LedgerQuery;
import org.opendms.parts.api.Part;
import org.opendms.parts.api.StockLedger;
import org.opendms.parts.api.StockMovement;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Page;
import org.opendms.platform.api.PageRequest;
import org.opendms.platform.api.ShopClock;
import org.opendms.platform.console.api.ConsoleActor;
import org.opendms.platform.console.api.ConsolePrinter;
import org.opendms.platform.console.api.ConsoleText;

@Service
@Command(scope = "dms", name = "stock-ledger", description = "库存流水 The ledger of a part, newest first")
public class StockLedgerList implements Action {

    @Reference
    Catalogue catalogue;

    @Reference
    StockLedger ledger;

    @Reference
    ShopClock clock;

    @Argument(index = 0, name = "partNumber", required = true, description = "配件号 part number")
    String partNumber;

    @Option(name = "--size", description = "条数 rows")
    int size = 20;

    @Override
    public Object execute() {
        PrintStream out = ConsoleText.out();
        try {
            Part p = PartsConsole.part(catalogue, partNumber, null);
            Page<StockMovement> rows = ledger.search(LedgerQuery.ofPart(p.id()), PageRequest.of(0, size),
                    ConsoleActor.current());
            out.println(ConsolePrinter.cell("时间 at", 18) + ConsolePrinter.cell("类型 type", 20)
                    + ConsolePrinter.cell("数量 qty", 10) + ConsolePrinter.cell("成本 cost", 12)
                    + ConsolePrinter.cell("结存 after", 12) + ConsolePrinter.cell("工单/行 wo/line", 16)
                    + ConsolePrinter.cell("单据 ref", 22) + "经办 by");
            for (StockMovement m : rows.items()) {
                out.println(ConsolePrinter.cell(ConsolePrinter.time(m.at(), clock.zone()), 18)
                        + ConsolePrinter.cell(m.type(), 20) + ConsolePrinter.cell(PartsConsole.show(m.quantity()), 10)
                        + ConsolePrinter.cell(m.unitCost() == null ? "-" : m.unitCost().toPlainString(), 12)
                        + ConsolePrinter.cell(PartsConsole.show(m.onHandAfter()), 12)
                        + ConsolePrinter.cell(m.workOrderId() == null ? "" : m.workOrderId() + "/" + m.lineId(), 16)
                        + ConsolePrinter.cell(m.reference() == null ? "" : m.reference(), 22) + m.username());
            }
            out.println("共 " + rows.total() + (rows.totalExact() ? "" : "+") + " 条 in all");
        } catch (DmsException e) {
            ConsolePrinter.refusal(out, e);
        }
        return null;
    }
}
