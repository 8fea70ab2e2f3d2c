package org.opendms.settlement.command;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.console.api.ConsolePrinter;
import org.opendms.platform.console.api.ConsoleText;
import org.opendms.settlement.api.Settlement;
import org.opendms.settlement.api.SettlementLine;
import org.opendms.settlement.api.Settlements;
import org.opendms.settlement.api.Tender;

@Service
@Command(scope = "dms", name = "settlement-show", description = "查看结算单 Show a document, or every document of a work order (--wo)")
public class SettlementShow implements Action {

    @Reference
    Settlements settlements;

    @Option(name = "--wo", description = "按工单 id 列出 list a work order's documents")
    boolean byWorkOrder;

    @Argument(index = 0, name = "id", required = true, description = "结算单 id (or work-order id with --wo)")
    long id;

    @Override
    public Object execute() {
        try {
            List<Settlement> docs = byWorkOrder ? settlements.forWorkOrder(id) : List.of(settlements.get(id));
            for (Settlement s : docs) {
                ConsoleText.out().println(summary(s));
                if (!byWorkOrder) {
                    for (SettlementLine l : s.lines()) {
                        ConsoleText.out().println("  " + ConsolePrinter.cell(l.kind(), 12) + " "
                                + ConsolePrinter.cell(l.description(), 24) + " " + l.quantity() + " × "
                                + l.unitPrice() + " = " + l.listNet() + " − " + l.discount() + " = " + l.net());
                    }
                    ConsoleText.out().println("  工时 labour " + s.labour() + "  配件 parts " + s.parts() + "  外协 sublet "
                            + s.sublet() + "  费用 fees " + s.fees() + "  材料管理费 handling " + s.handlingFee());
                    ConsoleText.out().println("  折扣 discount " + s.discount() + "  净额 net " + s.net() + "  税 VAT "
                            + s.vat() + " (" + s.vatRate() + ")  合计 gross " + s.gross() + "  抹零 rounding "
                            + s.rounding());
                    s.tenders().forEach(t -> ConsoleText.out().println("  " + tender(t)));
                }
            }
        } catch (DmsException e) {
            ConsolePrinter.refusal(ConsoleText.out(), e);
        }
        return null;
    }

    static String summary(Settlement s) {
        return s.number() + " " + s.workOrderNumber() + " " + s.payer().zh() + " " + s.payer() + " "
                + s.status().zh() + " " + s.status() + " 应收 payable " + s.payable() + " 已收 paid " + s.paid()
                + " (id " + s.id() + ", version " + s.version() + ")";
    }

    static String tender(Tender t) {
        return t.method() + " " + t.amount() + (t.tendered() == null ? "" : " 实收 tendered " + t.tendered()
                + " 找零 change " + t.change()) + (t.reference() == null ? "" : " " + t.reference());
    }
}
