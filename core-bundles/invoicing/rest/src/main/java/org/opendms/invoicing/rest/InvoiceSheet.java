package org.opendms.invoicing.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.opendms.invoicing.api.Invoice;

/**
 * Invoice requests as the shop's tax software imports them: one row per request, the buyer block and the amounts, as
 * xlsx (fastexcel) or CSV (UTF-8 with a byte-order mark, so that Excel and the tax software's import read the
 * Chinese right; CRLF; a text starting with = + - @ prefixed with ' so that no cell becomes a formula).
 */
final class InvoiceSheet {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String CSV = "text/csv; charset=UTF-8";

    static final List<String> HEADERS = List.of("申请号 (Request no.)", "申请日期 (Date)", "发票种类 (Kind)",
            "购买方名称 (Buyer)", "纳税人识别号 (Taxpayer no.)", "地址电话 (Address, phone)", "开户行及账号 (Bank, account)",
            "电子邮箱 (Email)", "工单号 (Work order no.)", "金额 (Amount excl. tax)", "税率 (Tax rate)", "税额 (Tax)",
            "价税合计 (Total)", "状态 (Status)", "发票号码 (Invoice no.)");

    private InvoiceSheet() {
    }

    static List<List<Object>> rows(List<Invoice> invoices, ZoneId zone) {
        List<List<Object>> rows = new ArrayList<>();
        for (Invoice i : invoices) {
            List<Object> row = new ArrayList<>();
            row.add(i.number());
            row.add(i.requestedAt() == null ? null : i.requestedAt().atZone(zone).toLocalDate());
            row.add(i.kind().zh());
            row.add(i.buyerName());
            row.add(i.taxpayerNumber());
            row.add(join(i.address(), i.phone()));
            row.add(join(i.bank(), i.bankAccount()));
            row.add(i.email());
            row.add(i.workOrderNumber());
            row.add(i.net());
            row.add(i.vatRate().stripTrailingZeros());
            row.add(i.vat());
            row.add(i.total());
            row.add(i.status().zh());
            row.add(i.invoiceNumber());
            rows.add(row);
        }
        return rows;
    }

    private static String join(String a, String b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a + " " + b;
    }

    static byte[] xlsx(List<List<Object>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "OpenDMS", "1.0");
            Worksheet sheet = workbook.newWorksheet("开票申请 Invoice requests");
            for (int c = 0; c < HEADERS.size(); c++) {
                sheet.value(0, c, HEADERS.get(c));
                sheet.style(0, c).bold().fillColor("DDEBF7").set();
                sheet.width(c, Math.max(10, Math.min(40, HEADERS.get(c).length() * 1.4 + 2)));
            }
            for (int r = 0; r < rows.size(); r++) {
                List<Object> row = rows.get(r);
                for (int c = 0; c < row.size(); c++) {
                    Object v = row.get(c);
                    if (v == null) {
                        continue;
                    } else if (v instanceof BigDecimal d) {
                        sheet.value(r + 1, c, d);
                        // the tax software reads amounts to the fen, the rate as a fraction
                        sheet.style(r + 1, c).format(c == 10 ? "0.00##" : "0.00").set();
                    } else if (v instanceof LocalDate d) {
                        sheet.value(r + 1, c, d);
                        sheet.style(r + 1, c).format("yyyy-mm-dd").set();
                    } else {
                        // numbers such as the taxpayer number and bank account stay text: no digits lost
                        sheet.value(r + 1, c, v.toString());
                    }
                }
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("writing the invoice requests", e);
        }
        return out.toByteArray();
    }

    static byte[] csv(List<List<Object>> rows) {
        StringBuilder sb = new StringBuilder("\uFEFF");
        line(sb, new ArrayList<>(HEADERS));
        for (List<Object> row : rows) {
            line(sb, row);
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder sb, List<?> cells) {
        for (int c = 0; c < cells.size(); c++) {
            if (c > 0) {
                sb.append(',');
            }
            sb.append(cell(cells.get(c)));
        }
        sb.append("\r\n");
    }

    static String cell(Object v) {
        if (v == null) {
            return "";
        }
        String s = v instanceof BigDecimal d ? d.toPlainString() : v.toString();
        if (!(v instanceof BigDecimal) && !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            s = "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
