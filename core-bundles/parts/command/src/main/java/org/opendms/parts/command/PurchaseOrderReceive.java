package org.opendms.parts.command;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opendms.parts.api.purchasing.PurchaseOrder;
import org.opendms.parts.api.purchasing.PurchaseOrders;
import org.opendms.parts.api.purchasing.Receipt;
import org.opendms.parts.api.purchasing.ReceiptDraft;
import org.opendms.parts.api.purchasing.ReceiptLineDraft;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.console.api.ConsoleActor;
import org.opendms.platform.console.api.ConsolePrinter;

@Service
@Command(scope = "dms", name = "po-receive", description = "到货入库 Receive against a purchase order: PART=QTY[@PRICE]"
        + " pairs (part number as typed or scanned), or --all for everything still open")
public class PurchaseOrderReceive implements Action {

    @Reference
    PurchaseOrders orders;

    @Argument(index = 0, name = "id", required = true, description = "采购单 ID purchase order id")
    long id;

    @Argument(index = 1, name = "lines", multiValued = true, description = "零件号=数量[@单价] PART=QTY[@PRICE]")
    List<String> lines;

    @Option(name = "--all", description = "未到数量全部到货 receive every open quantity at the ordered price")
    boolean all;

    @Option(name = "--note", description = "送货单号 delivery note number")
    String deliveryNote;

    @Override
    public Object execute() {
        try {
            PurchaseOrder o = orders.get(id);
            List<ReceiptLineDraft> drafts = new ArrayList<>();
            if (all) {
                o.lines().stream().filter(l -> l.open().signum() > 0).forEach(
                        l -> drafts.add(new ReceiptLineDraft(l.id(), null, l.open(), null, null, null, null)));
            } else if (lines != null) {
                for (String pair : lines) {
                    int eq = pair.lastIndexOf('=');
                    if (eq <= 0) {
                        throw DmsException.invalid("lines", "format", "应为 零件号=数量[@单价]：" + pair,
                                "expected PART=QTY[@PRICE]: " + pair);
                    }
                    String rest = pair.substring(eq + 1);
                    int at = rest.indexOf('@');
                    try {
                        drafts.add(new ReceiptLineDraft(null, pair.substring(0, eq),
                                new BigDecimal(at < 0 ? rest : rest.substring(0, at)),
                                at < 0 ? null : new BigDecimal(rest.substring(at + 1)), null, null, null));
                    } catch (NumberFormatException e) {
                        throw DmsException.invalid("lines", "format", "数量或单价不是数字：" + pair,
                                "quantity or price is not a number: " + pair);
                    }
                }
            }
            Receipt r = orders.receive(id, o.version(), new ReceiptDraft(deliveryNote, null, drafts),
                    ConsoleActor.current());
            System.out.println("已入库 received " + r.number() + ": " + r.lines().size() + " 行, 金额 amount "
                    + PurchasingPrinter.plain(r.amount()) + ", 价差 price difference "
                    + PurchasingPrinter.plain(r.priceDifference()));
            PurchasingPrinter.order(System.out, orders.get(id));
        } catch (DmsException e) {
            ConsolePrinter.refusal(System.out, e);
        }
        return null;
    }
}
