package org.opendms.parts.command;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opendms.parts.api.workorder.WorkOrderParts;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.console.api.ConsoleActor;
import org.opendms.platform.console.api.ConsolePrinter;

@Service
@Command(scope = "dms", name = "part-return", description = "退料 Take back a part issued to a work order's line, at"
        + " the cost it was issued at")
public class PartReturn implements Action {

    @Reference
    WorkOrderParts parts;

    @Argument(index = 0, name = "workOrderId", required = true, description = "工单 ID work order id")
    long workOrderId;

    @Argument(index = 1, name = "lineId", required = true, description = "配件明细 ID part line id")
    long lineId;

    @Argument(index = 2, name = "quantity", required = true, description = "数量 quantity")
    String quantity;

    @Argument(index = 3, name = "reason", multiValued = true, description = "原因 why, optional")
    List<String> reason;

    @Option(name = "--bin", description = "库位 ID the bin it goes back to; absent: the warehouse's default bin")
    Long binId;

    @Override
    public Object execute() {
        try {
            PickLists.print(System.out, parts.returnPart(workOrderId, lineId, PickLists.quantity(quantity), binId,
                    reason == null ? null : String.join(" ", reason), ConsoleActor.current()));
        } catch (DmsException e) {
            ConsolePrinter.refusal(System.out, e);
        }
        return null;
    }
}
