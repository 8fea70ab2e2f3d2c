package org.opendms.workorder.command;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.apache.karaf.shell.support.table.ShellTable;
import org.opendms.platform.console.api.ConsolePrinter;
import org.opendms.workorder.api.Job;
import org.opendms.workorder.api.Line;
import org.opendms.workorder.api.ReceptionBrief;
import org.opendms.workorder.api.TimelineEntry;
import org.opendms.workorder.api.WorkOrder;

/** How the work-order commands show work orders; times in the shop's zone. */
final class WorkOrderPrinter {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private WorkOrderPrinter() {
    }

    static String time(Instant at, ZoneId zone) {
        return at == null ? "" : SHOWN.format(at.atZone(zone));
    }

    static void table(PrintStream out, List<WorkOrder> workOrders, ZoneId zone) {
        ShellTable table = new ShellTable();
        table.column("ID");
        table.column("工单号 Number");
        table.column("车牌 Plate");
        table.column("状态 Status");
        table.column("顾问 Advisor");
        table.column("开单 Opened");
        table.column("承诺交车 Promised");
        table.column("金额 Gross");
        for (WorkOrder w : workOrders) {
            table.addRow().addContent(w.id(), w.number(), w.plate(), w.status().zh() + " " + w.status(), w.advisor(),
                    time(w.openedAt(), zone), time(w.promisedAt(), zone), w.totals().gross().toPlainString());
        }
        table.print(out);
    }

    static void details(PrintStream out, WorkOrder w, List<TimelineEntry> timeline, ReceptionBrief brief, ZoneId zone) {
        out.println(w.number() + "  " + w.plate() + "  " + w.status().zh() + " " + w.status()
                + (w.waitReason() == null ? "" : " (" + w.waitReason() + ")") + "  version " + w.version());
        out.println(
                "顾问 Advisor " + w.advisor() + "; 进厂里程 Mileage " + w.mileageInKm() + " km; 类型 Visit " + w.visitTypes()
                        + "; 返工 Rework " + w.reworkCount());
        if (w.comebackOfNumber() != null) {
            out.println("返修 Comeback of " + w.comebackOfNumber() + ": " + w.comebackDecision());
        }
        for (ReceptionBrief.Reminder r : brief.reminders()) {
            out.println("提醒 " + r.messageZh() + " / " + r.messageEn());
        }
        for (Job j : w.jobs()) {
            out.println();
            out.println("项目 Job " + j.seq() + ": " + j.concern() + " [" + j.payType() + (j.addOn() ? ", 增项 add-on" : "")
                    + "] "
                    + (j.declined() ? "客户拒绝 declined: " + j.decline().reason()
                            : j.approval() == null ? "待客户确认 awaiting approval"
                                    : "已确认 approved by " + j.approval().approvedBy()));
            if (j.findings() != null) {
                out.println("  故障原因 Cause: " + (j.findings().cause() == null ? "-" : j.findings().cause()));
                out.println(
                        "  维修措施 Correction: " + (j.findings().correction() == null ? "-" : j.findings().correction()));
            }
            ShellTable lines = new ShellTable();
            lines.column("类型 Type");
            lines.column("代码 Code");
            lines.column("说明 Description");
            lines.column("数量 Qty").alignRight();
            lines.column("单价 Price").alignRight();
            lines.column("金额 Net").alignRight();
            for (Line l : j.lines()) {
                lines.addRow().addContent(l.type(), l.code() == null ? "" : l.code(),
                        ConsolePrinter.cell(l.description(), 30),
                        l.quantity().toPlainString(), l.unitPrice().toPlainString(), l.net().toPlainString());
            }
            lines.print(out);
        }
        out.println();
        out.println("不含税 Net " + w.totals().net().toPlainString() + "  税额 VAT " + w.totals().vat().toPlainString()
                + "  合计 Gross " + w.totals().gross().toPlainString());
        out.println();
        ShellTable steps = new ShellTable();
        steps.column("时间 When");
        steps.column("操作人 Who");
        steps.column("履历 Step");
        for (TimelineEntry t : timeline) {
            steps.addRow().addContent(time(t.at(), zone), t.username(), ConsolePrinter.cell(t.textZh(), 60));
        }
        steps.print(out);
    }
}
