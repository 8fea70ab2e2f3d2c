package org.opendms.settlement.command;

import org.opendms.settlement.api.CashUp;
import org.opendms.settlement.api.CashUpTender;

/** How the console prints a cashier's day. */
final class CashUpCommands {

    private CashUpCommands() {
    }

    static String show(CashUp c) {
        StringBuilder b = new StringBuilder();
        b.append("日结 cash-up ").append(c.id()).append("  ").append(c.cashier()).append("  ").append(c.day())
                .append("  ").append(c.status()).append(' ').append(c.status().zh()).append("  version ")
                .append(c.version()).append('\n');
        for (CashUpTender t : c.expected()) {
            b.append("  ").append(t.method()).append("  ").append(t.amount()).append("  (").append(t.count())
                    .append(")\n");
        }
        b.append("  应有现金 expected cash ").append(c.expectedCash()).append("  清点 counted ")
                .append(c.countedCash() == null ? "-" : c.countedCash()).append("  差额 variance ")
                .append(c.variance() == null ? "-" : c.variance());
        if (c.closedBy() != null) {
            b.append("\n  日结 closed by ").append(c.closedBy()).append(' ').append(c.closedAt());
        }
        if (c.note() != null) {
            b.append("\n  备注 note ").append(c.note());
        }
        return b.toString();
    }

}
