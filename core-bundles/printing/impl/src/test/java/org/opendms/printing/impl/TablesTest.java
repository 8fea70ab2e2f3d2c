package org.opendms.printing.impl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.opendms.printing.api.Paper;
import org.opendms.printing.api.TableColumn;

/**
 * A report's table printed as the manager files it: the shop and the title, the subtitle, every row, the heading
 * row again on each page, Chinese text that extracts back as printed.
 */
class TablesTest {

    @Test
    void aLongTableContinuesOnNumberedPagesWithItsHeadingsAndChineseTextIntact() throws Exception {
        PdfTables tables = new PdfTables();
        tables.visits = new VisitReader() {
            @Override
            PrintingConfig config() {
                return GuaranteesTest.defaults();
            }
        };
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i <= 80; i++) {
            rows.add(java.util.Arrays.asList("返修率 " + i, i + ".00 %", null, "—", "返修台次 ÷ 进厂台数"));
        }
        byte[] pdf = tables.print("维修车间 KPI 报表 2026-12", "工作日 D = 26", List.of(new TableColumn("指标", 3, false),
                new TableColumn("本期", 1, true), new TableColumn("上期", 1, true), new TableColumn("去年同期", 1, true),
                new TableColumn("公式", 3, false)), rows, Paper.A4);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertTrue(doc.getNumberOfPages() >= 2, "80 rows take more than a page");
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("维修车间 KPI 报表 2026-12"), text);
            assertTrue(text.contains(GuaranteesTest.defaults().shopName()), text);
            assertTrue(text.contains("返修率 80") && text.contains("80.00 %"), text);
            PDFTextStripper lastPage = new PDFTextStripper();
            lastPage.setStartPage(doc.getNumberOfPages());
            lastPage.setEndPage(doc.getNumberOfPages());
            assertTrue(lastPage.getText(doc).contains("去年同期"), "the heading row repeats on the last page");
            assertTrue(text.contains("共 " + doc.getNumberOfPages() + " 页"), "every page numbered: " + text);
        }
    }
}
