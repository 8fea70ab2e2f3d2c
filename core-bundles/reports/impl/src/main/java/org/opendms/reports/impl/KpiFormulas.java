package org.opendms.reports.impl;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.opendms.reports.api.Kpi;

/**
 * The FAW after-sales manual's KPI table (../shared/domain.md) over a period's recorded figures, resources and parts
 * figures. Each KPI carries its formula and the inputs it used; one whose input is missing or zero where it divides
 * says so instead of showing 0.
 */
final class KpiFormulas {

    static final String PERCENT = "PERCENT", RATIO = "RATIO", COUNT = "COUNT", YUAN = "YUAN";
    /** The visit types whose revenue per visit the manual names: 保养, 普通维修, 钣喷. */
    static final Map<String, String> TICKET_TYPES = Map.of("MAINTENANCE", "保养", "GENERAL_REPAIR", "普通维修",
            "ACCIDENT", "钣喷");
    static final Map<String, String> VISIT_TYPES = new LinkedHashMap<>();
    static {
        VISIT_TYPES.put("MAINTENANCE", "保养");
        VISIT_TYPES.put("GENERAL_REPAIR", "普通维修");
        VISIT_TYPES.put("ACCIDENT", "事故/钣喷");
        VISIT_TYPES.put("WARRANTY", "保修索赔");
        VISIT_TYPES.put("INSURANCE", "保险");
        VISIT_TYPES.put("INTERNAL", "内部");
        VISIT_TYPES.put("PDI", "PDI");
    }

    private KpiFormulas() {
    }

    /** The parts figures the parts module computes; null when it could not be read (see {@code partsMissing}). */
    record Parts(long linesRequested, long linesFilledAtOnce, long linesOrderedUrgently, BigDecimal costOfPartsIssued,
            BigDecimal averageInventoryValue) {
    }

    static List<Kpi> compute(Figures f, PeriodResources r, Parts parts, String partsMissing) {
        List<Kpi> out = new ArrayList<>();
        BigDecimal in = BigDecimal.valueOf(f.vehiclesIn());
        out.add(new Kpi("vehicles_in", "进厂台数", "vehicles in", "统计期内接车的台次（同一辆车来两次算两次）",
                "visits received in the period (a car that comes twice counts twice)", COUNT, in,
                Map.of("进厂台数 vehicles in", in), List.of(), null, null, "work-orders"));
        VISIT_TYPES.forEach((type, zh) -> {
            BigDecimal n = BigDecimal.valueOf(f.visitsByType().getOrDefault(type, 0L));
            out.add(new Kpi("visits_" + type.toLowerCase(), "进厂台次·" + zh, "visits: " + type,
                    "该类型的进厂台次（一个工单两种类型各算一次）", "visits of this type (a visit with two types counts in both)", COUNT,
                    n, Map.of("台次 visits", n), List.of(), null, null, "work-orders"));
        });
        Map<String, BigDecimal> res = resourceInputs(r);
        List<String> resMissing = r.missing();
        out.add(ratio("bay_turnover", "工位周转率", "bay turnover", "进厂台数 ÷ D ÷ B", "vehicles in ÷ D ÷ B", RATIO,
                in, r.bayDays(), inputs("进厂台数 vehicles in", in, "D × B 工位日 bay-days", r.bayDays()), resMissing,
                null));
        out.add(ratio("bay_utilisation", "维修工位利用率", "bay utilisation", "实际工时 ÷ (B × D × 班次工时)",
                "actual hours ÷ (B × D × shift hours)", PERCENT, f.actualHours(), r.bayHours(),
                inputs("实际工时 actual hours", f.actualHours(), "B × D × 班次工时 bay hours", r.bayHours()), resMissing,
                "work-orders"));
        out.add(ratio("vehicles_per_technician_day", "每技师日平均维修车辆数", "vehicles per technician per day",
                "进厂台数 ÷ D ÷ T", "vehicles in ÷ D ÷ T", RATIO, in, r.technicianDays(),
                inputs("进厂台数 vehicles in", in, "D × T 技师日 technician-days", r.technicianDays()), resMissing, null));
        out.add(ratio("bays_per_technician", "每技师平均维修工位数", "bays per technician", "B ÷ T", "B ÷ T", RATIO,
                r.bayDays(), r.technicianDays(), res, resMissing, null));
        out.add(ratio("labour_revenue_to_wages", "工时收入薪资比", "labour revenue to wages", "工时收入 ÷ 直接人工工资",
                "labour revenue ÷ direct wages", RATIO, f.labourRevenue(), r.wages(),
                inputs("工时收入 labour revenue", f.labourRevenue(), "直接人工工资 direct wages", r.wages()), resMissing,
                "documents"));
        out.add(ratio("productivity", "总生产效率", "productivity", "收费工时 ÷ 实际工时", "sold hours ÷ actual hours",
                PERCENT, f.soldHours(), f.actualHours(),
                inputs("收费工时 sold hours", f.soldHours(), "实际工时 actual hours", f.actualHours()), List.of(),
                "work-orders"));
        out.add(ratio("labour_utilisation", "劳动利用率", "labour utilisation", "实际工时 ÷ 可用工时",
                "actual hours ÷ available hours", PERCENT, f.actualHours(), r.availableHours(),
                inputs("实际工时 actual hours", f.actualHours(), "可用工时 available hours (T × D × 班次工时)",
                        r.availableHours()),
                resMissing, "work-orders"));
        out.add(ratio("labour_efficiency", "总劳动效率", "overall labour efficiency", "收费工时 ÷ 可用工时",
                "sold hours ÷ available hours", PERCENT, f.soldHours(), r.availableHours(),
                inputs("收费工时 sold hours", f.soldHours(), "可用工时 available hours", r.availableHours()), resMissing,
                "work-orders"));
        BigDecimal labourAndParts = f.labourRevenue().add(f.partsRevenue());
        BigDecimal b = r.average(r.bayDays());
        out.add(ratio("revenue_per_bay", "工位平均产值", "revenue per bay", "(工时收入 + 配件收入) ÷ B",
                "(labour + parts revenue) ÷ B", YUAN, labourAndParts, b,
                inputs("工时 + 配件收入 labour + parts revenue", labourAndParts, "B 工位数 bays", b), resMissing,
                "documents"));
        TICKET_TYPES.forEach((type, zh) -> {
            BigDecimal revenue = f.revenueByType().getOrDefault(type, VisitFact.ZERO);
            BigDecimal n = BigDecimal.valueOf(f.settledByType().getOrDefault(type, 0L));
            out.add(ratio("ticket_" + type.toLowerCase(), zh + "车单价", "revenue per " + type + " visit",
                    zh + "收入 ÷ " + zh + "结算台次", "that type's revenue ÷ its settled visits", YUAN, revenue, n,
                    inputs(zh + "收入 revenue", revenue, zh + "结算台次 settled visits", n), List.of(), "documents"));
        });
        BigDecimal settled = BigDecimal.valueOf(f.settledVehicles());
        out.add(ratio("ticket_per_vehicle", "车单价", "average ticket per vehicle", "营业收入 ÷ 结算台次",
                "revenue ÷ settled vehicles", YUAN, f.revenue(), settled,
                inputs("营业收入 revenue", f.revenue(), "结算台次 settled vehicles", settled), List.of(), "documents"));
        BigDecimal customers = BigDecimal.valueOf(f.customerVehicles());
        out.add(ratio("ticket_per_customer", "客单价", "average ticket per customer",
                "不含保修、保险的收入 ÷ 不含纯保修、纯保险的结算台次",
                "revenue without warranty and insurance ÷ settled vehicles without warranty- or insurance-only visits",
                YUAN, f.customerRevenue(), customers, inputs("客户付费收入 customer revenue", f.customerRevenue(),
                        "客户结算台次 customer vehicles", customers),
                List.of(), "documents"));
        BigDecimal comebacks = BigDecimal.valueOf(f.comebacks());
        Kpi comeback = ratio("comeback_rate", "返修率", "comeback rate", "返修台次 ÷ 进厂台数", "comebacks ÷ vehicles in",
                PERCENT, comebacks, in, inputs("返修台次 comebacks", comebacks, "进厂台数 vehicles in", in), List.of(),
                "work-orders");
        out.add(comeback);
        out.add(new Kpi("first_time_fix", "一次修复率", "first-time-fix rate", "1 − 返修率", "1 − comeback rate", PERCENT,
                comeback.value() == null ? null : BigDecimal.ONE.subtract(comeback.value()), comeback.inputs(),
                comeback.missing(), null, null, "work-orders"));
        BigDecimal delivered = BigDecimal.valueOf(f.delivered()), onTime = BigDecimal.valueOf(f.onTime());
        out.add(ratio("on_time_delivery", "及时交车率", "on-time delivery", "按约定时间交车台次 ÷ 交车台次",
                "delivered by the promised time ÷ delivered", PERCENT, onTime, delivered,
                inputs("按时交车 on time", onTime, "交车台次 delivered (with a promised time)", delivered), List.of(),
                "work-orders"));
        partsKpis(out, parts, partsMissing);
        out.add(missing("warranty_claim_accuracy", "索赔正确率", "warranty claim accuracy",
                "厂家认可的索赔单 ÷ 提交的索赔单", "claims accepted ÷ claims submitted",
                "索赔记录 warranty claims (保修索赔插件未安装 the warranty plugin is not installed)"));
        out.add(missing("service_market_share", "维修市场占有率", "service market share",
                "年进厂台数 ÷ (保有量 × 维修频次)", "yearly vehicles in ÷ (vehicles in operation × service frequency)",
                "保有量与维修频次 vehicles in operation and service frequency (未录入 not recorded)"));
        return out;
    }

    private static void partsKpis(List<Kpi> out, Parts p, String partsMissing) {
        List<String> miss = p == null ? List.of(partsMissing) : List.of();
        BigDecimal requested = p == null ? null : BigDecimal.valueOf(p.linesRequested());
        BigDecimal filled = p == null ? null : BigDecimal.valueOf(p.linesFilledAtOnce());
        BigDecimal urgent = p == null ? null : BigDecimal.valueOf(p.linesOrderedUrgently());
        out.add(ratio("parts_fill_rate", "备件供应率（工单满足率）", "parts fill rate", "即时满足的配件行 ÷ 需求配件行",
                "part lines filled from stock at once ÷ part lines requested", PERCENT, filled, requested,
                inputs("即时满足 filled at once", filled, "需求配件行 requested", requested), miss, null));
        out.add(ratio("emergency_order_rate", "紧急订货率", "emergency order rate", "紧急订货配件行 ÷ 需求配件行",
                "part lines ordered urgently ÷ part lines requested", PERCENT, urgent, requested,
                inputs("紧急订货 ordered urgently", urgent, "需求配件行 requested", requested), miss, null));
        BigDecimal cost = p == null ? null : p.costOfPartsIssued();
        BigDecimal avg = p == null ? null : p.averageInventoryValue();
        List<String> turnMiss = p != null && (cost == null || avg == null)
                ? List.of("配件成本 part costs (未记录 not recorded)")
                : miss;
        out.add(ratio("parts_turnover", "备件库存周转率", "parts inventory turnover", "出库成本 ÷ 平均库存金额",
                "cost of parts issued ÷ average inventory value", RATIO, cost, avg,
                inputs("出库成本 cost issued", cost, "平均库存金额 average inventory", avg), turnMiss, null));
    }

    private static Kpi missing(String code, String zh, String en, String fz, String fe, String what) {
        return new Kpi(code, zh, en, fz, fe, PERCENT, null, Map.of(), List.of(what), null, null, null);
    }

    /**
     * numerator ÷ denominator; null with the reason when an input is missing or the denominator is zero.
     */
    static Kpi ratio(String code, String zh, String en, String formulaZh, String formulaEn, String unit,
            BigDecimal numerator, BigDecimal denominator, Map<String, BigDecimal> inputs, List<String> missing,
            String drill) {
        List<String> miss = new ArrayList<>(missing);
        if (miss.isEmpty() && (numerator == null || denominator == null)) {
            miss.add("输入缺失 an input is missing");
        }
        BigDecimal value = null;
        if (miss.isEmpty()) {
            if (denominator.signum() == 0) {
                String zero = inputs.keySet().stream().reduce((a, b) -> b).orElse("分母 denominator");
                miss.add(zero + " = 0");
            } else {
                value = numerator.divide(denominator, YUAN.equals(unit) ? 2 : 4, RoundingMode.HALF_UP);
            }
        }
        return new Kpi(code, zh, en, formulaZh, formulaEn, unit, value, inputs, miss, null, null, drill);
    }

    private static Map<String, BigDecimal> inputs(String k1, BigDecimal v1, String k2, BigDecimal v2) {
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        if (v1 != null) {
            m.put(k1, v1);
        }
        if (v2 != null) {
            m.put(k2, v2);
        }
        return m;
    }

    private static Map<String, BigDecimal> resourceInputs(PeriodResources r) {
        return inputs("D × B 工位日 bay-days", r.bayDays(), "D × T 技师日 technician-days", r.technicianDays());
    }
}
