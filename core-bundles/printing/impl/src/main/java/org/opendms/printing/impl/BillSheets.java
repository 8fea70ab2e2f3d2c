package org.opendms.printing.impl;

import static org.opendms.printing.impl.Fmt.day;
import static org.opendms.printing.impl.Fmt.minute;
import static org.opendms.printing.impl.Fmt.orEmpty;
import static org.opendms.printing.impl.Fmt.qty;
import static org.opendms.printing.impl.Fmt.yuan;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.opendms.printing.api.Paper;
import org.opendms.printing.api.SheetKind;
import org.opendms.printing.impl.SheetWriter.Column;
import org.opendms.settlement.api.Payer;
import org.opendms.settlement.api.Settlement;
import org.opendms.settlement.api.SettlementLine;
import org.opendms.settlement.api.SettlementStatus;
import org.opendms.settlement.api.Benefit;
import org.opendms.settlement.api.Tender;
import org.opendms.workorder.api.WorkOrder;

/** The customer's sheets at the end of the visit: 结算单 and 竣工出厂合格证. */
final class BillSheets {

    private BillSheets() {
    }

    /** The documents that stand: not void, not reversed, not a reversal; the customer's first. */
    static List<Settlement> standing(List<Settlement> documents) {
        List<Settlement> out = new ArrayList<>();
        for (Settlement s : documents) {
            if (s.status() != SettlementStatus.VOID && s.status() != SettlementStatus.REVERSED && !s.isReversal()) {
                out.add(s);
            }
        }
        out.sort((a, b) -> a.payer().compareTo(b.payer()));
        return out;
    }

    static byte[] bill(Visit v, Paper paper) throws IOException {
        WorkOrder wo = v.workOrder();
        List<Settlement> docs = standing(v.documents());
        try (SheetWriter w = new SheetWriter(paper, SheetKind.BILL.title() + " " + wo.number())) {
            WorkshopSheets.head(w, v, SheetKind.BILL);
            w.fields(3, "维修类别", Fmt.visitTypes(wo.visitTypes()), "完工时间", minute(v.completedAt(), v.zone()),
                    "打印时间", minute(v.printedAt(), v.zone()));
            for (Settlement s : docs) {
                document(w, s, v);
            }
            BigDecimal customerPays = docs.stream().filter(s -> s.payer() == Payer.CUSTOMER)
                    .map(Settlement::payable).reduce(BigDecimal.ZERO, BigDecimal::add);
            w.heading("合计");
            w.totals("客户应付合计", yuan(customerPays), "大写", Money.chinese(customerPays));
            if (v.eBillUrl() != null) {
                w.qr(v.eBillUrl(), paper == Paper.A5 ? 22 : 26, "扫码查看电子结算单与竣工出厂合格证（链接有效期内无需登录）。"
                        + "本单据金额单位为人民币元，价格不含税，增值税按工单税率计算。");
            }
            w.signatureBoxes(16, "客户签字（已确认以上费用）", "收银员签字");
            return w.finish();
        }
    }

    private static void document(SheetWriter w, Settlement s, Visit v) throws IOException {
        String payer = s.payer().zh() + (s.payerName() == null ? "" : "（" + s.payerName() + "）");
        w.heading("付款方：" + payer + "    结算单号：" + s.number() + "    " + s.status().zh());
        List<String[]> rows = new ArrayList<>();
        for (SettlementLine l : s.lines()) {
            rows.add(new String[] { Fmt.lineKind(l.kind()), orEmpty(l.code()), orEmpty(l.description()),
                    qty(l.quantity()), yuan(l.unitPrice()), yuan(l.listNet()), yuan(l.discount()), yuan(l.net()) });
        }
        w.table(List.of(new Column("类别", 1f, false), new Column("编码", 1.8f, false), new Column("名称", 3f, false),
                new Column("数量", 0.8f, true), new Column("单价", 1.1f, true), new Column("金额", 1.1f, true),
                new Column("优惠", 1f, true), new Column("实收", 1.1f, true)), rows);
        List<String> t = new ArrayList<>(List.of("工时费", yuan(s.labour()), "配件费", yuan(s.parts())));
        if (s.sublet().signum() != 0) {
            t.addAll(List.of("外协费", yuan(s.sublet())));
        }
        if (s.fees().signum() != 0) {
            t.addAll(List.of("其他费用", yuan(s.fees())));
        }
        if (s.handlingFee().signum() != 0) {
            t.addAll(List.of("材料管理费", yuan(s.handlingFee())));
        }
        BigDecimal cashiers = s.discount();
        for (Benefit b : s.benefits()) {
            t.addAll(List.of(b.nameZh(), "-" + yuan(b.amount())));
            cashiers = cashiers.subtract(b.amount());
        }
        if (cashiers.signum() != 0) {
            t.addAll(List.of("整单优惠", "-" + yuan(cashiers)));
        }
        t.addAll(List.of("不含税金额", yuan(s.net()), "增值税 " + Fmt.percent(s.vatRate()), yuan(s.vat()), "价税合计",
                yuan(s.gross())));
        if (s.rounding().signum() != 0) {
            t.addAll(List.of("抹零", yuan(s.rounding())));
        }
        t.addAll(List.of("应付金额", yuan(s.payable()), "已付金额", yuan(s.paid())));
        w.totals(t.toArray(String[]::new));
        if (!s.tenders().isEmpty()) {
            List<String[]> rows2 = new ArrayList<>();
            for (Tender tender : s.tenders()) {
                rows2.add(new String[] { Fmt.tender(tender.method()), yuan(tender.amount()), yuan(tender.tendered()),
                        yuan(tender.change()), orEmpty(tender.reference()) });
            }
            w.table(List.of(new Column("付款方式", 1.5f, false), new Column("金额", 1.2f, true),
                    new Column("实收", 1.2f, true), new Column("找零", 1.2f, true), new Column("交易号/凭证", 3.5f, false)),
                    rows2);
        }
        if (s.settledAt() != null) {
            w.fields(2, "结算时间", minute(s.settledAt(), v.zone()), "收银员", orEmpty(s.settledBy()));
        }
    }

    static byte[] certificate(Visit v, Paper paper) throws IOException {
        WorkOrder wo = v.workOrder();
        Visit.Guarantee g = v.guarantee();
        try (SheetWriter w = new SheetWriter(paper, SheetKind.CERTIFICATE.title() + " " + wo.number())) {
            WorkshopSheets.head(w, v, SheetKind.CERTIFICATE);
            int outKm = wo.mileageInKm();
            if (v.vehicle() != null && v.vehicle().lastOdometerKm() != null) {
                outKm = Math.max(outKm, v.vehicle().lastOdometerKm());
            }
            w.fields(2, "托修方", v.customer() == null ? "" : v.customer().name(),
                    "发动机号", v.vehicle() == null ? "" : orEmpty(v.vehicle().engineNumber()),
                    "维修类别", g.repairClass() + "（" + Fmt.visitTypes(wo.visitTypes()) + "）",
                    "竣工日期", day(v.completedAt(), v.zone()),
                    "出厂里程", outKm + " km", "出厂日期", day(wo.deliveredAt() == null ? v.printedAt() : wo.deliveredAt(),
                            v.zone()));
            w.heading("维修项目");
            List<String[]> rows = new ArrayList<>();
            wo.jobs().stream().filter(j -> !j.declined())
                    .forEach(j -> rows.add(new String[] { String.valueOf(j.seq()), j.concern(),
                            j.findings() == null ? "" : orEmpty(j.findings().correction()) }));
            w.table(List.of(new Column("序号", 0.5f, false), new Column("维修项目", 4f, false),
                    new Column("维修措施", 4f, false)), rows);
            w.heading("质量保证");
            java.time.LocalDate from = (v.completedAt() == null ? v.printedAt() : v.completedAt()).atZone(v.zone())
                    .toLocalDate();
            w.fields(2, "质量保证期", g.km() + " 公里或 " + g.days() + " 日（以先到者为准）", "保证期至",
                    from.plusDays(g.days()) + " 或里程 " + (outKm + g.km()) + " km");
            w.paragraph("本车按维修合同完成维修，经检验合格，准予出厂。质量保证期自竣工出厂之日起计算，车辆行驶 " + g.km() + " 公里或者 "
                    + g.days() + " 日，以先到者为准。质量保证期内因维修质量原因造成车辆无法正常使用的，承修方予以免费返修。");
            w.signatureBoxes(18, "质量检验员签字", "承修单位（盖章）", "托修方签字");
            return w.finish();
        }
    }
}
