package org.opendms.parts.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opendms.parts.api.workorder.WorkOrderParts;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.console.api.ConsoleActor;
import org.opendms.platform.console.api.ConsolePrinter;

@Service
@Command(scope = "dms", name = "pick-list", description = "领料单 A work order's pick list: each approved part line with"
        + " what it needs, reserved, issued, returned, and where it lies")
public class PickListShow implements Action {

    @Reference
    WorkOrderParts parts;

    @Argument(index = 0, name = "workOrderId", required = true, description = "工单 ID work order id")
    long workOrderId;

    @Override
    public Object execute() {
        try {
            PickLists.print(System.out, parts.pickList(workOrderId, ConsoleActor.current()));
        } catch (DmsException e) {
            ConsolePrinter.refusal(System.out, e);
        }
        return null;
    }
}
