package org.opendms.invoicing.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.opendms.invoicing.api.Invoice;
import org.opendms.invoicing.api.InvoiceKind;
import org.opendms.invoicing.api.InvoiceStatus;

/** The export as the tax software reads it back. */
class InvoiceSheetTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    static Invoice special() {
        // requested 2026-12-01 17:30 UTC: already the 2nd in the shop's zone
        return new Invoice(7, "FP20261202-000007", 3, "JS20261202-000003", 5, "WO20261202-0005", 9,
                InvoiceKind.SPECIAL, InvoiceStatus.REQUESTED, "福州顺达物流有限公司, 二部", "91350100M000100Y43",
                "福州市鼓楼区五四路 88 号", "0591-87654321", "中国工商银行福州五四支行", "1402001209024567890",
                "=cmd@example.com", new BigDecimal("456.78"), new BigDecimal("0.1300"), new BigDecimal("59.38"),
                new BigDecimal("516.16"), null, null, null, null, false, Instant.parse("2026-12-01T17:30:00Z"),
                "qian.cashier", null, null, null, null, 1);
    }

    @Test
    void theCsvHasABomTheHeaderAndOneQuotedRowPerRequest() {
        String csv = new String(InvoiceSheet.csv(InvoiceSheet.rows(List.of(special()), SHANGHAI)),
                StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF申请号 (Request no.),申请日期 (Date),发票种类 (Kind)"), csv);
        String[] lines = csv.split("\r\n");
        assertEquals(2, lines.length);
        assertEquals("FP20261202-000007,2026-12-02,增值税专用发票,\"福州顺达物流有限公司, 二部\",91350100M000100Y43,"
                + "福州市鼓楼区五四路 88 号 0591-87654321,中国工商银行福州五四支行 1402001209024567890,'=cmd@example.com,"
                + "WO20261202-0005,456.78,0.13,59.38,516.16,待开票,", lines[1]);
    }

    @Test
    void theXlsxKeepsNumbersAsTextAndAmountsAsNumbers() throws Exception {
        byte[] xlsx = InvoiceSheet.xlsx(InvoiceSheet.rows(List.of(special()), SHANGHAI));
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> rows = wb.getFirstSheet().read();
            assertEquals(2, rows.size());
            assertEquals("纳税人识别号 (Taxpayer no.)", rows.get(0).getCellText(4));
            Row r = rows.get(1);
            assertEquals("FP20261202-000007", r.getCellText(0));
            assertEquals("91350100M000100Y43", r.getCellText(4));
            assertEquals("中国工商银行福州五四支行 1402001209024567890", r.getCellText(6));
            assertEquals(0, new BigDecimal("516.16").compareTo(r.getCellAsNumber(12).orElseThrow()));
            assertEquals(0, new BigDecimal("0.13").compareTo(r.getCellAsNumber(10).orElseThrow()));
            assertEquals("2026-12-02", r.getCellAsDate(1).orElseThrow().toLocalDate().toString());
        }
    }
}
