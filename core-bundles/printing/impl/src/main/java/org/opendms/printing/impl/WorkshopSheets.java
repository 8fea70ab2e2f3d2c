package org.opendms.printing.impl;

import static org.opendms.printing.impl.Fmt.minute;
import static org.opendms.printing.impl.Fmt.orEmpty;
import static org.opendms.printing.impl.Fmt.qty;
import static org.opendms.printing.impl.Fmt.yuan;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.opendms.parts.api.workorder.PickBin;
import org.opendms.parts.api.workorder.PickLine;
import org.opendms.printing.api.Paper;
import org.opendms.printing.api.SheetKind;
import org.opendms.printing.impl.SheetWriter.Column;
import org.opendms.workorder.api.Assignment;
import org.opendms.workorder.api.ClockEntry;
import org.opendms.workorder.api.Job;
import org.opendms.workorder.api.Line;
import org.opendms.workorder.api.LineType;
import org.opendms.workorder.api.WorkOrder;

/** The sheets of reception and the workshop: 委托书, 派工单 and 领料单. */
final class WorkshopSheets {

    private WorkshopSheets() {
    }

    /** The work order's head: who, which car, when; the same on every sheet. */
    static void head(SheetWriter w, Visit v, SheetKind kind) throws IOException {
        WorkOrder wo = v.workOrder();
        w.title(v.shop(), kind.title());
        String model = v.vehicle() == null ? ""
                : (orEmpty(v.vehicle().make()) + " " + orEmpty(v.vehicle().model())).strip();
        w.fields(3, "工单号", wo.number(), "车牌号", wo.plate(), "品牌车型", model,
                "车架号", v.vehicle() == null ? "" : v.vehicle().vin(),
                "客户", v.customer() == null ? "" : v.customer().name(),
                "联系电话", v.customer() == null ? "" : v.customer().mobileMasked(),
                "进厂时间", minute(wo.openedAt(), v.zone()), "进厂里程", wo.mileageInKm() + " km",
                "服务顾问", orEmpty(wo.advisor()));
    }

    static byte[] authorisation(Visit v, Paper paper) throws IOException {
        WorkOrder wo = v.workOrder();
        try (SheetWriter w = new SheetWriter(paper, SheetKind.AUTHORISATION.title() + " " + wo.number())) {
            head(w, v, SheetKind.AUTHORISATION);
            w.fields(3, "维修类别", Fmt.visitTypes(wo.visitTypes()),
                    "燃油", wo.fuelPercent() == null ? "" : wo.fuelPercent() + "%",
                    "预计交车", minute(wo.promisedAt(), v.zone()));
            if (wo.walkAround() != null && !wo.walkAround().isBlank()) {
                w.heading("环车检查");
                w.paragraph(wo.walkAround());
            }
            w.heading("客户描述及维修项目");
            List<String[]> rows = new ArrayList<>();
            for (Job job : wo.jobs()) {
                if (job.declined()) {
                    continue;
                }
                rows.add(new String[] { String.valueOf(job.seq()), job.concern(), Fmt.payType(job.payType()), "", "",
                        "", yuan(job.totals().net()) });
                for (Line l : job.lines()) {
                    rows.add(new String[] { "", "  " + Fmt.lineType(l.type()) + " " + orEmpty(l.code()),
                            orEmpty(l.description()), qty(l.quantity()), yuan(l.unitPrice()), yuan(l.discount()),
                            yuan(l.net()) });
                }
            }
            w.table(List.of(new Column("序号", 0.5f, false), new Column("项目 / 编码", 3, false),
                    new Column("名称 / 付费", 3, false), new Column("数量", 0.8f, true), new Column("单价", 1.1f, true),
                    new Column("优惠", 1f, true), new Column("金额", 1.2f, true)), rows);
            w.totals("预估金额（不含税）", yuan(wo.totals().net()),
                    "增值税 " + Fmt.percent(wo.vatRate()), yuan(wo.totals().vat()),
                    "预估合计", yuan(wo.totals().gross()));
            w.heading("委托条款");
            w.paragraph(v.terms(), paper == Paper.A5 ? 6.5f : 7.5f);
            w.signatureBoxes(18, "客户签字（同意以上项目及条款）", "服务顾问签字");
            return w.finish();
        }
    }

    static byte[] jobSheet(Visit v, Paper paper) throws IOException {
        WorkOrder wo = v.workOrder();
        try (SheetWriter w = new SheetWriter(paper, SheetKind.JOB_SHEET.title() + " " + wo.number())) {
            head(w, v, SheetKind.JOB_SHEET);
            w.fields(3, "状态", wo.status().zh(), "预计交车", minute(wo.promisedAt(), v.zone()),
                    "打印时间", minute(v.printedAt(), v.zone()));
            for (Job job : wo.jobs()) {
                if (job.declined()) {
                    continue;
                }
                Assignment a = v.assignments().stream().filter(x -> x.jobId() == job.id()).findFirst().orElse(null);
                w.heading("项目 " + job.seq() + "：" + job.concern() + (job.addOn() ? "（追加）" : ""));
                w.fields(3, "技师", a == null ? "未派工" : String.join("、", a.technicians()),
                        "工位", a == null ? "" : orEmpty(a.bay()),
                        "派工时间", a == null ? "" : minute(a.assignedAt(), v.zone()));
                List<String[]> rows = new ArrayList<>();
                for (Line l : job.lines()) {
                    if (l.type() != LineType.LABOUR) {
                        continue;
                    }
                    List<ClockEntry> clocks = v.clocks().stream().filter(c -> c.labourLineId() == l.id()).toList();
                    String started = clocks.isEmpty() ? "" : minute(clocks.get(0).startedAt(), v.zone());
                    ClockEntry last = clocks.isEmpty() ? null : clocks.get(clocks.size() - 1);
                    String ended = last == null || last.endedAt() == null ? "" : minute(last.endedAt(), v.zone());
                    String who = clocks.stream().map(ClockEntry::technician).distinct()
                            .collect(Collectors.joining("、"));
                    rows.add(new String[] { orEmpty(l.code()), orEmpty(l.description()), qty(l.quantity()),
                            l.actualHours() == null ? "" : qty(l.actualHours()), who, started, ended });
                }
                w.table(List.of(new Column("工时编码", 1.5f, false), new Column("作业内容", 3.2f, false),
                        new Column("标准工时", 1f, true), new Column("实际工时", 1f, true),
                        new Column("作业技师", 1.5f, false), new Column("开工", 1.9f, false),
                        new Column("完工", 1.9f, false)), rows);
                if (job.findings() != null) {
                    w.paragraph("故障原因：" + orEmpty(job.findings().cause()) + "    维修措施："
                            + orEmpty(job.findings().correction()));
                }
            }
            w.signatureBoxes(14, "技师签字", "车间主管签字", "质检员签字");
            return w.finish();
        }
    }

    static byte[] pickList(Visit v, Paper paper) throws IOException {
        WorkOrder wo = v.workOrder();
        try (SheetWriter w = new SheetWriter(paper, SheetKind.PICK_LIST.title() + " " + wo.number())) {
            head(w, v, SheetKind.PICK_LIST);
            w.fields(3, "状态", wo.status().zh(), "打印时间", minute(v.printedAt(), v.zone()), "", "");
            List<String[]> rows = new ArrayList<>();
            for (PickLine l : v.pickList().lines()) {
                String bins = l.bins().stream().map(PickBin::binCode).collect(Collectors.joining(" "));
                rows.add(new String[] { String.valueOf(l.jobSeq()), orEmpty(l.partNumber()), orEmpty(l.name()),
                        qty(l.quantity()), qty(l.issued().subtract(l.returned())), qty(l.outstanding()),
                        orEmpty(l.warehouseCode()) + (bins.isEmpty() ? "" : " " + bins), state(l.state()) });
            }
            w.table(List.of(new Column("项目", 0.6f, false), new Column("配件编号", 2.2f, false),
                    new Column("配件名称", 3f, false), new Column("需求", 0.8f, true), new Column("已领", 0.8f, true),
                    new Column("待领", 0.8f, true), new Column("仓库/库位", 2f, false), new Column("状态", 1.1f, false)),
                    rows);
            w.signatureBoxes(14, "领料人签字", "发料人签字");
            return w.finish();
        }
    }

    private static String state(String state) {
        return switch (state == null ? "" : state) {
        case "TO_ISSUE" -> "待领料";
        case "PARTLY_ISSUED" -> "部分领料";
        case "ISSUED" -> "已领料";
        case "NOT_NEEDED" -> "无需领料";
        case "ORDERED" -> "已订货";
        case "ARRIVED" -> "已到货";
        default -> orEmpty(state);
        };
    }
}
