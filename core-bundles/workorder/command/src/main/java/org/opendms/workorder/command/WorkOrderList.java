package org.opendms.workorder.command;

import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Page;
import org.opendms.platform.api.PageRequest;
import org.opendms.platform.api.ShopClock;
import org.opendms.platform.console.api.ConsolePrinter;
import org.opendms.platform.console.api.ConsoleText;
import org.opendms.workorder.api.WorkOrder;
import org.opendms.workorder.api.WorkOrderQuery;
import org.opendms.workorder.api.WorkOrders;
import org.opendms.workorder.api.WorkOrderStatus;

@Service
@Command(scope = "dms", name = "wo-list", description = "工单列表 List or search work orders, newest first")
public class WorkOrderList implements Action {

    @Reference
    WorkOrders workOrders;

    @Reference
    ShopClock clock;

    @Argument(index = 0, name = "plate", description = "车牌（可为部分） plate or part of it")
    String plate;

    @Option(name = "--status", aliases = "-s", description = "状态 status, e.g. IN_REPAIR")
    String status;

    @Option(name = "--advisor", aliases = "-a", description = "服务顾问 advisor username")
    String advisor;

    @Option(name = "--technician", aliases = "-t", description = "技师 technician username")
    String technician;

    @Option(name = "--size", description = "每页条数 page size")
    int size = 20;

    @Override
    public Object execute() {
        try {
            WorkOrderStatus s = null;
            if (status != null) {
                try {
                    s = WorkOrderStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw DmsException.invalid("status", "wrong_type", "状态不存在：" + status, "no such status: " + status);
                }
            }
            Page<WorkOrder> result = workOrders.search(new WorkOrderQuery(plate, s, advisor, technician, null, null),
                    PageRequest.of(0, size));
            WorkOrderPrinter.table(ConsoleText.out(), result.items(), clock.zone());
            ConsoleText.out().println("共 " + result.total() + " 张 " + result.total() + " in all");
        } catch (DmsException e) {
            ConsolePrinter.refusal(ConsoleText.out(), e);
        }
        return null;
    }
}
