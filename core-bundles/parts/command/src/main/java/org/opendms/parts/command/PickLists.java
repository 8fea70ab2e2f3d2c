package org.opendms.parts.command;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.stream.Collectors;

import org.opendms.parts.api.workorder.PickLine;
import org.opendms.parts.api.workorder.PickList;
import org.opendms.platform.api.DmsException;

/** A pick list as the console prints it, one line per part line. */
final class PickLists {

    private PickLists() {
    }

    static void print(PrintStream out, PickList p) {
        out.println("领料单 pick list " + p.number() + " " + p.plate() + " (" + p.status() + ")");
        if (p.lines().isEmpty()) {
            out.println("  没有已确认的配件明细 no approved part lines");
            return;
        }
        out.printf("  %-8s %-4s %-20s %-16s %8s %8s %8s %8s %8s %10s  %-13s %s%n", "line", "job", "part", "name",
                "qty", "reserved", "issued", "returned", "to issue", "cost", "state", "warehouse/bins");
        for (PickLine l : p.lines()) {
            String bins = l.bins().stream().map(b -> b.binCode() + ":" + plain(b.onHand()))
                    .collect(Collectors.joining(" "));
            out.printf("  %-8d %-4d %-20s %-16s %8s %8s %8s %8s %8s %10s  %-13s %s%n", l.lineId(), l.jobSeq(),
                    l.partNumber() + (l.specialOrder() ? " *" : ""), l.name(), plain(l.quantity()), plain(l.reserved()),
                    plain(l.issued()), plain(l.returned()), plain(l.outstanding()),
                    l.issueCost() == null ? "-" : l.issueCost().toPlainString(), l.state(),
                    (l.warehouseCode() == null ? "-" : l.warehouseCode()) + (bins.isEmpty() ? "" : " " + bins));
        }
    }

    static BigDecimal quantity(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(raw.strip());
        } catch (NumberFormatException e) {
            throw DmsException.invalid("quantity", "wrong_type", "数量应为数字，如 2 或 3.5",
                    "quantity must be a number, e.g. 2 or 3.5");
        }
    }

    private static String plain(BigDecimal q) {
        return q == null ? "-" : q.stripTrailingZeros().toPlainString();
    }
}
