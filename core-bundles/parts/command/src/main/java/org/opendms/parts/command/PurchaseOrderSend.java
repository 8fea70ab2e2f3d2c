package org.opendms.parts.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opendms.parts.api.purchasing.PurchaseOrder;
import org.opendms.parts.api.purchasing.PurchaseOrders;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.console.api.ConsoleActor;
import org.opendms.platform.console.api.ConsolePrinter;

@Service
@Command(scope = "dms", name = "po-send", description = "发送采购单 Send a draft purchase order to its supplier")
public class PurchaseOrderSend implements Action {

    @Reference
    PurchaseOrders orders;

    @Argument(index = 0, name = "id", required = true, description = "采购单 ID purchase order id")
    long id;

    @Override
    public Object execute() {
        try {
            PurchaseOrder o = orders.send(id, orders.get(id).version(), ConsoleActor.current());
            System.out.println("已发送 sent " + o.number() + ", 预计到货 expected " + o.expectedDate());
        } catch (DmsException e) {
            ConsolePrinter.refusal(System.out, e);
        }
        return null;
    }
}
