package org.opendms.workorder.command;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Page;
import org.opendms.platform.api.PageRequest;
import org.opendms.platform.api.ShopClock;
import org.opendms.platform.console.api.ConsolePrinter;
import org.opendms.workorder.api.PriceAuthority;
import org.opendms.workorder.api.PriceRequest;

@Service
@Command(scope = "dms", name = "price-requests", description = "改价审批 Price requests waiting for the service manager,"
        + " oldest first (or every request of one work order with --wo)")
public class PriceRequestList implements Action {

    @Reference
    PriceAuthority prices;

    @Reference
    ShopClock clock;

    @Option(name = "--wo", description = "工单 ID: every request of this work order, newest first")
    Long workOrder;

    @Option(name = "--size", description = "每页条数 page size")
    int size = 50;

    @Override
    public Object execute() {
        try {
            List<PriceRequest> shown;
            long total;
            if (workOrder != null) {
                shown = prices.requests(workOrder);
                total = shown.size();
            } else {
                Page<PriceRequest> page = prices.pending(PageRequest.of(0, size));
                shown = page.items();
                total = page.total();
            }
            ShellTable table = new ShellTable();
            for (String column : List.of("ID", "工单 WO", "车牌 Plate", "项目 Job", "明细 Line", "目录价 List", "单价 Price",
                    "折扣 Discount", "超出 Exceeds", "申请人 By", "时间 At", "原因 Reason", "状态 Status")) {
                table.column(column);
            }
            for (PriceRequest r : shown) {
                table.addRow().addContent(r.id(), r.workOrderNumber(), r.plate(), r.jobSeq(),
                        ConsolePrinter.cell(r.description(), 20),
                        r.listPrice() == null ? "-" : r.listPrice().toPlainString(),
                        r.oldUnitPrice().toPlainString() + " → " + r.unitPrice().toPlainString(),
                        r.discount().toPlainString() + " (" + r.discountPercent().toPlainString() + "%)",
                        String.join(",", r.exceeds()), r.requestedBy(),
                        ConsolePrinter.time(r.requestedAt(), clock.zone()),
                        ConsolePrinter.cell(r.reason(), 20), r.status());
            }
            table.print(System.out);
            System.out.println("共 " + total + " 条 " + total + " in all");
        } catch (DmsException e) {
            ConsolePrinter.refusal(System.out, e);
        }
        return null;
    }
}
