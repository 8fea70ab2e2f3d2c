package org.opendms.parts.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opendms.parts.api.purchasing.PurchaseOrderQuery;
import org.opendms.parts.api.purchasing.PurchaseOrders;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.PageRequest;
import org.opendms.platform.console.api.ConsolePrinter;

@Service
@Command(scope = "dms", name = "po-list", description = "采购单列表 Purchase orders, newest first")
public class PurchaseOrderList implements Action {

    @Reference
    PurchaseOrders orders;

    @Option(name = "--open", description = "只列未到齐的 only SENT or PARTLY_RECEIVED")
    boolean open;

    @Option(name = "--warehouse", aliases = "-w", description = "仓库 ID warehouse id")
    Long warehouse;

    @Option(name = "--size", description = "每页条数 page size")
    int size = 20;

    @Override
    public Object execute() {
        try {
            orders.search(new PurchaseOrderQuery(null, warehouse, null, open ? Boolean.TRUE : null, null),
                    PageRequest.of(0, size)).items().forEach(o -> PurchasingPrinter.orderRow(System.out, o));
        } catch (DmsException e) {
            ConsolePrinter.refusal(System.out, e);
        }
        return null;
    }
}
