package org.opendms.reports.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.opendms.reports.api.CustomerFigures;
import org.opendms.printing.api.TableColumn;
import org.opendms.reports.api.DrillRow;
import org.opendms.reports.api.Kpi;
import org.opendms.reports.api.KpiPack;
import org.opendms.reports.api.LapsedCustomer;
import org.opendms.reports.api.RevenueBucket;
import org.opendms.reports.api.RevenueReport;
import org.opendms.reports.api.TechnicianFigures;

/**
 * A report table as the manager opens it in Excel: a bold header row, amounts to the fen, rates as percentages, dates
 * as dates (fastexcel: a small streaming writer).
 */
final class ReportSheet {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** A column: its header and the cell format of its numbers (null: text or as is). */
    record Column(String header, String format) {
    }

    private ReportSheet() {
    }

    static final String MONEY = "#,##0.00", PERCENT = "0.00%", NUMBER = "0.00##";

    static byte[] kpis(KpiPack pack) {
        List<Column> cols = List.of(new Column("指标 KPI", null), new Column("公式 Formula", null),
                new Column("数值 Value", null), new Column("上期 Previous", null), new Column("去年同期 Last year", null),
                new Column("输入 Inputs", null), new Column("缺少 Missing", null));
        List<List<Object>> rows = new ArrayList<>();
        for (Kpi k : pack.kpis()) {
            String fmt = switch (k.unit()) {
            case "PERCENT" -> PERCENT;
            case "YUAN" -> MONEY;
            default -> NUMBER;
            };
            rows.add(List.of(k.nameZh() + " " + k.nameEn(), k.formulaZh(), cell(k.value(), fmt),
                    cell(k.previous(), fmt), cell(k.lastYear(), fmt),
                    k.inputs().entrySet().stream().map(e -> e.getKey() + " = " + e.getValue().toPlainString())
                            .collect(Collectors.joining("; ")),
                    String.join("; ", k.missing())));
        }
        return write("KPI " + pack.period(), cols, rows);
    }

    static final List<TableColumn> PACK_COLUMNS = List.of(new TableColumn("指标", 3.2f, false),
            new TableColumn("本期", 1.4f, true), new TableColumn("上期", 1.4f, true), new TableColumn("去年同期", 1.4f, true),
            new TableColumn("公式", 3.4f, false), new TableColumn("输入或缺少", 4.6f, false));

    static String packTitle(KpiPack pack) {
        return "维修车间 KPI 报表 " + pack.period().from() + " 至 " + pack.period().to();
    }

    static String packSubtitle(KpiPack pack) {
        return "工作日 D = " + pack.workingDays() + "　工位 B = " + text(pack.bays()) + "　技师 T = "
                + text(pack.technicians()) + "　班次工时 = " + text(pack.shiftHours())
                + "　（上期、去年同期按同一公式计算；缺少输入的指标不显示 0，而写明缺少什么）";
    }

    private static String text(BigDecimal v) {
        return v == null ? "未录入" : v.stripTrailingZeros().toPlainString();
    }

    static List<List<String>> packRows(KpiPack pack) {
        List<List<String>> rows = new ArrayList<>();
        for (Kpi k : pack.kpis()) {
            rows.add(java.util.Arrays.asList(k.nameZh(), shown(k.value(), k.unit()), shown(k.previous(), k.unit()),
                    shown(k.lastYear(), k.unit()), k.formulaZh(),
                    k.missing().isEmpty()
                            ? k.inputs().entrySet().stream().map(e -> e.getKey() + " = " + e.getValue().toPlainString())
                                    .collect(Collectors.joining("；"))
                            : "缺少：" + String.join("；", k.missing())));
        }
        return rows;
    }

    /** A KPI value as printed: 12.34 %, 1,234.50, 0.0321. */
    static String shown(BigDecimal v, String unit) {
        if (v == null) {
            return "—";
        }
        return switch (unit) {
        case "PERCENT" -> v.movePointRight(2).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + " %";
        case "YUAN" -> String.format("%,.2f", v);
        default -> v.stripTrailingZeros().toPlainString();
        };
    }

    static byte[] revenue(RevenueReport r) {
        List<Column> cols = List.of(new Column("期间 Period", null), new Column("工时 Labour", MONEY),
                new Column("配件 Parts", MONEY), new Column("其他 Other", MONEY), new Column("合计 Net", MONEY),
                new Column("配件成本 Parts cost", MONEY), new Column("结算单 Documents", null),
                new Column("客户 Customer", MONEY), new Column("保险 Insurer", MONEY), new Column("厂家 Manufacturer", MONEY),
                new Column("内部 Internal", MONEY), new Column("善意 Goodwill", MONEY));
        List<List<Object>> rows = new ArrayList<>();
        for (RevenueBucket b : r.buckets()) {
            rows.add(revenueRow(b));
        }
        rows.add(revenueRow(r.total()));
        return write("营业收入 Revenue", cols, rows);
    }

    private static List<Object> revenueRow(RevenueBucket b) {
        Map<String, BigDecimal> p = b.byPayer();
        List<Object> row = new ArrayList<>(List.of(b.label(), b.labour(), b.parts(), b.other(), b.net(), b.partsCost(),
                b.documents()));
        for (String payer : List.of("CUSTOMER", "INSURER", "MANUFACTURER", "INTERNAL", "GOODWILL")) {
            row.add(p.getOrDefault(payer, BigDecimal.ZERO));
        }
        return row;
    }

    static byte[] technicians(List<TechnicianFigures> list) {
        List<Column> cols = List.of(new Column("技师 Technician", null), new Column("工单 Work orders", null),
                new Column("收费工时 Sold hours", NUMBER), new Column("实际工时 Clocked hours", NUMBER),
                new Column("生产效率 Productivity", PERCENT), new Column("返修 Comebacks", null),
                new Column("工时收入 Labour revenue", MONEY), new Column("提成基数 Commission base", MONEY));
        List<List<Object>> rows = new ArrayList<>();
        for (TechnicianFigures t : list) {
            List<Object> row = new ArrayList<>();
            row.add(t.technician());
            row.add(t.workOrders());
            row.add(t.soldHours());
            row.add(t.clockedHours());
            row.add(t.productivity());
            row.add(t.comebacks());
            row.add(t.labourRevenue());
            row.add(t.commissionBase());
            rows.add(row);
        }
        return write("技师绩效 Technicians", cols, rows);
    }

    static byte[] drill(String kpi, List<DrillRow> list) {
        List<Column> cols = List.of(new Column("工单号 Work order", null), new Column("车牌 Plate", null),
                new Column("日期 Day", null), new Column("类型 Visit types", null), new Column("状态 Status", null),
                new Column("金额/工时 Amount", NUMBER), new Column("说明 Note", null));
        List<List<Object>> rows = new ArrayList<>();
        for (DrillRow d : list) {
            List<Object> row = new ArrayList<>();
            row.add(d.number());
            row.add(d.plate());
            row.add(d.day());
            row.add(String.join(",", d.visitTypes()));
            row.add(d.status());
            row.add(d.amount());
            row.add(d.note());
            rows.add(row);
        }
        return write("明细 " + kpi, cols, rows);
    }

    static byte[] lapsed(CustomerFigures c) {
        List<Column> cols = List.of(new Column("客户编号 Customer", null), new Column("最后到店 Last visit", null),
                new Column("工单号 Work order", null), new Column("车牌 Plate", null), new Column("到店次数 Visits", null));
        List<List<Object>> rows = new ArrayList<>();
        for (LapsedCustomer l : c.lapsed()) {
            rows.add(List.of(l.customerId(), l.lastVisit(), l.lastWorkOrderNumber(), l.plate(), l.visits()));
        }
        return write("久未回店 Lapsed", cols, rows);
    }

    /** A value with the format its column does not have (a KPI row mixes units). */
    private record Formatted(BigDecimal value, String format) {
    }

    private static Object cell(BigDecimal v, String format) {
        return v == null ? "" : new Formatted(v, format);
    }

    static byte[] write(String title, List<Column> cols, List<List<Object>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "OpenDMS", "1.0");
            // sheet names: at most 31 characters, none of []:*?/\
            Worksheet sheet = workbook.newWorksheet(title.replaceAll("[\\[\\]:*?/\\\\]", "-")
                    .substring(0, Math.min(31, title.length())));
            for (int c = 0; c < cols.size(); c++) {
                sheet.value(0, c, cols.get(c).header());
                sheet.style(0, c).bold().fillColor("DDEBF7").set();
                sheet.width(c, Math.max(12, Math.min(48, cols.get(c).header().length() * 1.3 + 2)));
            }
            for (int r = 0; r < rows.size(); r++) {
                List<Object> row = rows.get(r);
                for (int c = 0; c < row.size(); c++) {
                    Object v = row.get(c);
                    if (v == null) {
                        continue;
                    } else if (v instanceof Formatted f) {
                        sheet.value(r + 1, c, f.value());
                        sheet.style(r + 1, c).format(f.format()).set();
                    } else if (v instanceof BigDecimal d) {
                        sheet.value(r + 1, c, d);
                        if (cols.get(c).format() != null) {
                            sheet.style(r + 1, c).format(cols.get(c).format()).set();
                        }
                    } else if (v instanceof Number n) {
                        sheet.value(r + 1, c, n);
                    } else if (v instanceof LocalDate d) {
                        sheet.value(r + 1, c, d);
                        sheet.style(r + 1, c).format("yyyy-mm-dd").set();
                    } else {
                        sheet.value(r + 1, c, v.toString());
                    }
                }
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + title, e);
        }
        return out.toByteArray();
    }
}
