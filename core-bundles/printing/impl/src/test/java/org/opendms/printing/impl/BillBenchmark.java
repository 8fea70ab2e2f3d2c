package org.opendms.printing.impl;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.opendms.printing.api.Paper;
import org.opendms.printing.api.SheetKind;

/**
 * Prints the 结算单 of a 50-line bill 200 times after 20 warm-up prints and reports p50/p95 and the size (goal of issue
 * 14: p95 under 300 ms, under 100 kB). Run with {@code -Ddms.bench=true}.
 */
@EnabledIfSystemProperty(named = "dms.bench", matches = "true")
class BillBenchmark {

    @Test
    void fiftyLineBill() {
        Visit visit = SampleVisit.bill(50);
        long first = System.nanoTime();
        byte[] pdf = PdfSheets.render(SheetKind.BILL, visit, Paper.A4);
        double firstMs = (System.nanoTime() - first) / 1e6;
        for (int i = 0; i < 20; i++) {
            PdfSheets.render(SheetKind.BILL, visit, Paper.A4);
        }
        int runs = 200;
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            pdf = PdfSheets.render(SheetKind.BILL, visit, Paper.A4);
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf("BENCH bill 50 lines A4: first %.1f ms (font parsed), p50 %.1f ms, p95 %.1f ms, p99 %.1f ms,"
                + " %d bytes (%.1f kB)%n", firstMs, ms[runs / 2], ms[runs * 95 / 100], ms[runs * 99 / 100], pdf.length,
                pdf.length / 1024.0);
    }
}
