package org.opendms.parts.command;

import java.io.PrintStream;
import java.math.BigDecimal;

import org.opendms.parts.api.BinStock;
import org.opendms.parts.api.Catalogue;
import org.opendms.parts.api.Part;
import org.opendms.parts.api.PartLookup;
import org.opendms.parts.api.PartStock;
import org.opendms.parts.api.Warehouse;
import org.opendms.parts.api.WarehouseKind;
import org.opendms.parts.api.WarehouseStock;
import org.opendms.parts.api.Warehouses;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.console.api.ConsolePrinter;

/** What the parts commands share: finding a part by number and a warehouse by code, and printing stock. */
final class PartsConsole {

    private PartsConsole() {
    }

    /** The part of a typed or scanned number; says so when it is superseded. */
    static Part part(Catalogue catalogue, String number, PrintStream out) {
        PartLookup found = catalogue.lookup(number)
                .orElseThrow(() -> DmsException.notFound("partNumber", "配件号 " + number + " 不在配件档案中",
                        "part number " + number + " is not in the catalogue"));
        if (found.superseded() && out != null) {
            out.println("注意：" + found.part().number().printed() + " 已被替代，建议使用 " + found.current().number().printed()
                    + "  note: superseded, use " + found.current().number().printed());
        }
        return found.part();
    }

    /** The warehouse of a code; without one, the (first) central store. */
    static Warehouse warehouse(Warehouses warehouses, String code) {
        if (code == null) {
            return warehouses.list().stream().filter(w -> w.active() && w.kind() == WarehouseKind.CENTRAL).findFirst()
                    .orElseThrow(() -> DmsException.invalid("warehouse", "required", "请用 --warehouse 指定仓库",
                            "name the warehouse with --warehouse"));
        }
        return warehouses.byCode(code).orElseThrow(() -> DmsException.notFound("warehouse",
                "仓库 " + code + " 不存在", "warehouse " + code + " does not exist"));
    }

    /** The bin id of a code in a warehouse, or null for none given. */
    static Long bin(Warehouses warehouses, Warehouse w, String code) {
        if (code == null) {
            return null;
        }
        return warehouses.binByCode(w.id(), code).orElseThrow(() -> DmsException.notFound("bin",
                "仓库 " + w.code() + " 没有库位 " + code, "warehouse " + w.code() + " has no bin " + code)).id();
    }

    static void print(PrintStream out, PartStock s) {
        Part p = s.part();
        out.println(p.number().printed() + "  " + p.name() + "  (" + p.unit() + ")  零售价 retail " + p.prices().retail());
        out.println(ConsolePrinter.cell("仓库 wh", 10) + ConsolePrinter.cell("在库 on hand", 14)
                + ConsolePrinter.cell("预留 reserved", 14) + ConsolePrinter.cell("可用 available", 16)
                + ConsolePrinter.cell("在途 in transit", 16) + ConsolePrinter.cell("均价 avg cost", 14) + "库位 bins");
        for (WarehouseStock w : s.warehouses()) {
            StringBuilder bins = new StringBuilder();
            for (BinStock b : w.bins()) {
                bins.append(b.binCode()).append('×').append(show(b.onHand())).append(' ');
            }
            out.println(ConsolePrinter.cell(w.warehouseCode(), 10) + ConsolePrinter.cell(show(w.onHand()), 14)
                    + ConsolePrinter.cell(show(w.reserved()), 14) + ConsolePrinter.cell(show(w.available()), 16)
                    + ConsolePrinter.cell(show(w.inTransit()), 16)
                    + ConsolePrinter.cell(w.averageCost() == null ? "-" : w.averageCost().toPlainString(), 14)
                    + bins.toString().strip());
        }
        out.println("合计 total: 在库 " + show(s.onHand()) + "，预留 " + show(s.reserved()) + "，可用 " + show(s.available()));
    }

    static String show(BigDecimal q) {
        return q == null ? "-" : q.stripTrailingZeros().toPlainString();
    }

    static BigDecimal number(String field, String typed) {
        try {
            return new BigDecimal(typed.strip());
        } catch (RuntimeException e) {
            throw DmsException.invalid(field, "wrong_type", field + " 不是数字：" + typed, field + " is not a number: "
                    + typed);
        }
    }
}
