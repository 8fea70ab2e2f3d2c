package org.opendms.workorder.command;

import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.console.api.ConsoleActor;
import org.opendms.platform.console.api.ConsolePrinter;
import org.opendms.platform.console.api.ConsoleText;
import org.opendms.workorder.api.WaitReason;
import org.opendms.workorder.api.WorkOrder;
import org.opendms.workorder.api.WorkOrderFlow;
import org.opendms.workorder.api.WorkOrderStatus;

@Service
@Command(scope = "dms", name = "wo-status", description = "改变工单状态 Move a work order's status (at the version shown by dms:wo-show)")
public class WorkOrderMove implements Action {

    @Reference
    WorkOrderFlow flow;

    @Option(name = "--version", required = true, description = "dms:wo-show 显示的版本 the version dms:wo-show showed")
    long version;

    @Option(name = "--wait", description = "等待原因 wait reason for WAITING: PARTS, APPROVAL, SUBLET")
    String wait;

    @Option(name = "--note", description = "说明 note")
    String note;

    @Argument(index = 0, name = "id", required = true, description = "工单编号 work-order id")
    long id;

    @Argument(index = 1, name = "status", required = true, description = "新状态 new status, e.g. IN_REPAIR")
    String status;

    @Override
    public Object execute() {
        try {
            WorkOrder w = flow.changeStatus(id, version, parse(WorkOrderStatus.class, "status", status),
                    wait == null ? null : parse(WaitReason.class, "wait", wait), note, ConsoleActor.current());
            ConsoleText.out()
                    .println(w.number() + ": " + w.status().zh() + " " + w.status() + " (version " + w.version() + ")");
        } catch (DmsException e) {
            ConsolePrinter.refusal(ConsoleText.out(), e);
        }
        return null;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String raw) {
        try {
            return Enum.valueOf(type, raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DmsException.invalid(field, "wrong_type", field + " 的值不正确：" + raw,
                    field + " has a wrong value: " + raw);
        }
    }
}
