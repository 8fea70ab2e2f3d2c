package org.opendms.parts.command;

import java.math.BigDecimal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opendms.parts.api.Catalogue;
import org.opendms.parts.api.Part;
import org.opendms.parts.api.Stock;
import org.opendms.parts.api.StockLimits;
import org.opendms.parts.api.Warehouse;
import org.opendms.parts.api.WarehouseStock;
import org.opendms.parts.api.Warehouses;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.console.api.ConsoleActor;
import org.opendms.platform.console.api.ConsolePrinter;
import org.opendms.platform.console.api.ConsoleText;

@Service
@Command(scope = "dms", name = "part-limits", description = "库存上下限 Set a part's minimum, maximum and reorder point in"
        + " a warehouse (an option left out clears that limit; none given: show them)")
public class PartLimits implements Action {

    @Reference
    Catalogue catalogue;

    @Reference
    Warehouses warehouses;

    @Reference
    Stock stock;

    @Argument(index = 0, name = "number", required = true, description = "配件号 part number, typed or scanned")
    String number;

    @Option(name = "--warehouse", aliases = "-w", description = "仓库代码 warehouse code (absent: the central store)")
    String warehouse;

    @Option(name = "--min", description = "下限 minimum")
    String minimum;

    @Option(name = "--max", description = "上限 maximum")
    String maximum;

    @Option(name = "--reorder", description = "订货点 reorder point")
    String reorderPoint;

    @Override
    public Object execute() {
        try {
            Part p = PartsConsole.part(catalogue, number, ConsoleText.out());
            Warehouse w = PartsConsole.warehouse(warehouses, warehouse);
            StockLimits limits;
            if (minimum == null && maximum == null && reorderPoint == null) {
                limits = stock.ofPart(p.id(), ConsoleActor.current()).warehouses().stream()
                        .filter(s -> s.warehouseId() == w.id()).findFirst().map(WarehouseStock::limits)
                        .orElse(new StockLimits(null, null, null));
            } else {
                limits = stock.setLimits(p.id(), w.id(), new StockLimits(value("min", minimum), value("max", maximum),
                        value("reorder", reorderPoint)), ConsoleActor.current()).limits();
                ConsoleText.out().println("已设置 set");
            }
            ConsoleText.out().println(p.number().printed() + " @" + w.code() + "  下限 min " + PartsConsole.show(
                    limits == null ? null : limits.minimum()) + "  上限 max "
                    + PartsConsole.show(
                            limits == null ? null : limits.maximum())
                    + "  订货点 reorder "
                    + PartsConsole.show(limits == null ? null : limits.reorderPoint()));
        } catch (DmsException e) {
            ConsolePrinter.refusal(ConsoleText.out(), e);
        }
        return null;
    }

    private static BigDecimal value(String field, String typed) {
        return typed == null ? null : PartsConsole.number(field, typed);
    }
}
