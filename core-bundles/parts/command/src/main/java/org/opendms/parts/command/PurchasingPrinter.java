package org.opendms.parts.command;

import java.io.PrintStream;
import java.math.BigDecimal;

import org.opendms.parts.api.purchasing.OrderSuggestion;
import org.opendms.parts.api.purchasing.PurchaseOrder;
import org.opendms.parts.api.purchasing.PurchaseOrderLine;
import org.opendms.parts.api.stocktake.Stocktake;
import org.opendms.parts.api.stocktake.StocktakeLine;
import org.opendms.platform.console.api.ConsolePrinter;

/** How purchase orders, suggestions and stocktakes look in the console. */
final class PurchasingPrinter {

    private PurchasingPrinter() {
    }

    static void order(PrintStream out, PurchaseOrder o) {
        out.println(o.number() + "  #" + o.id() + "  " + o.status() + " " + o.status().chinese() + "  供应商 supplier "
                + o.supplierName() + "  仓库 warehouse " + o.warehouseId() + "  合计 total " + plain(o.total())
                + "  version " + o.version());
        out.println("  " + ConsolePrinter.cell("行 line", 8) + ConsolePrinter.cell("零件号 part", 20)
                + ConsolePrinter.cell("名称 name", 20) + ConsolePrinter.cell("订购 ordered", 12)
                + ConsolePrinter.cell("已到 received", 14) + "单价 price");
        for (PurchaseOrderLine l : o.lines()) {
            out.println("  " + ConsolePrinter.cell(Long.toString(l.id()), 8) + ConsolePrinter.cell(l.partNumber(), 20)
                    + ConsolePrinter.cell(l.partName(), 20) + ConsolePrinter.cell(plain(l.quantity()), 12)
                    + ConsolePrinter.cell(plain(l.received()), 14) + plain(l.unitPrice()));
        }
    }

    static void orderRow(PrintStream out, PurchaseOrder o) {
        out.println(ConsolePrinter.cell("#" + o.id(), 8) + ConsolePrinter.cell(o.number(), 18)
                + ConsolePrinter.cell(o.status().chinese(), 8) + ConsolePrinter.cell(o.supplierName(), 20)
                + ConsolePrinter.cell(Integer.toString(o.lines().size()) + " 行", 8) + plain(o.total()));
    }

    static void suggestion(PrintStream out, OrderSuggestion s) {
        out.println(ConsolePrinter.cell(s.partNumber(), 20) + ConsolePrinter.cell(s.partName(), 20)
                + ConsolePrinter.cell("建议 " + plain(s.quantity()), 14)
                + ConsolePrinter.cell(s.supplierName() == null ? "无报价 no price" : s.supplierName(), 20)
                + s.reason());
    }

    static void stocktake(PrintStream out, Stocktake s) {
        out.println(s.number() + "  #" + s.id() + "  " + s.status() + " " + s.status().chinese() + "  仓库 warehouse "
                + s.warehouseId() + "  未盘 uncounted " + s.uncounted()
                + (s.varianceValue() == null ? "" : "  差异金额 variance value " + plain(s.varianceValue()))
                + "  version " + s.version());
        out.println("  " + ConsolePrinter.cell("行 line", 8) + ConsolePrinter.cell("零件号 part", 20)
                + ConsolePrinter.cell("库位 bin", 10) + ConsolePrinter.cell("冻结 frozen", 12)
                + ConsolePrinter.cell("实盘 counted", 13) + "差异 variance");
        for (StocktakeLine l : s.lines()) {
            out.println("  " + ConsolePrinter.cell(Long.toString(l.id()), 8)
                    + ConsolePrinter.cell(l.partNumber() + (l.batchNumber() == null ? "" : " " + l.batchNumber()), 20)
                    + ConsolePrinter.cell(l.binCode(), 10) + ConsolePrinter.cell(plain(l.frozen()), 12)
                    + ConsolePrinter.cell(plain(l.counted()), 13) + plain(l.variance())
                    + (l.varianceValue() == null ? "" : " (" + plain(l.varianceValue()) + " 元)")
                    + (l.movedSinceCount() ? "  盘后有变动 moved since count" : ""));
        }
    }

    static String plain(BigDecimal d) {
        return d == null ? "-" : d.stripTrailingZeros().toPlainString();
    }
}
