package org.opendms.parts.command;

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
@Command(scope = "dms", name = "part-issue", description = "领料 Issue a work order's part line (dms:pick-list shows"
        + " them); without a quantity, what the line still needs")
public class PartIssue implements Action {

    @Reference
    WorkOrderParts parts;

    @Argument(index = 0, name = "workOrderId", required = true, description = "工单 ID work order id")
    long workOrderId;

    @Argument(index = 1, name = "lineId", required = true, description = "配件明细 ID part line id")
    long lineId;

    @Argument(index = 2, name = "quantity", description = "数量 quantity; absent: what the line still needs")
    String quantity;

    @Option(name = "--bin", description = "库位 ID the bin it is taken from")
    Long binId;

    @Override
    public Object execute() {
        try {
            PickLists.print(System.out, parts.issue(workOrderId, lineId, PickLists.quantity(quantity), binId,
                    ConsoleActor.current()));
        } catch (DmsException e) {
            ConsolePrinter.refusal(System.out, e);
        }
        return null;
    }

}
