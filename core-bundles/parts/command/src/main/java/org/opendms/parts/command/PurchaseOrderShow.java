package org.opendms.parts.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opendms.parts.api.purchasing.PurchaseOrders;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.console.api.ConsolePrinter;

@Service
@Command(scope = "dms", name = "po-show", description = "采购单详情 A purchase order with its lines and receipts")
public class PurchaseOrderShow implements Action {

    @Reference
    PurchaseOrders orders;

    @Argument(index = 0, name = "id", required = true, description = "采购单 ID purchase order id")
    long id;

    @Override
    public Object execute() {
        try {
            PurchasingPrinter.order(System.out, orders.get(id));
            orders.receipts(id).forEach(r -> System.out.println("  到货 " + r.number() + " " + r.receivedBy() + " "
                    + r.lines().size() + " 行, 金额 " + PurchasingPrinter.plain(r.amount()) + ", 价差 "
                    + PurchasingPrinter.plain(r.priceDifference())));
        } catch (DmsException e) {
            ConsolePrinter.refusal(System.out, e);
        }
        return null;
    }
}
