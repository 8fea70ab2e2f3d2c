package org.opendms.parts.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.LuminanceSource;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;

class LabelPdfTest {

    private static String decode(BufferedImage image) throws Exception {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        LuminanceSource source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
        return new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
    }

    @Test
    void aPrintedQrLabelScansBackToItsCodeAndKeepsTheChineseName() throws Exception {
        LabelPdf.Result r = LabelPdf.render(
                List.of(new LabelPdf.Label("06L 115 562 B", List.of("06L 115 562 B", "机油滤清器", "原厂 · 个"))),
                LabelPdf.Symbology.QR, LabelPdf.Layout.ROLL);
        try (PDDocument doc = Loader.loadPDF(r.pdf())) {
            assertEquals(1, doc.getNumberOfPages());
            assertEquals("06L 115 562 B", decode(new PDFRenderer(doc).renderImageWithDPI(0, 300)));
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("06L 115 562 B"), text);
            Assumptions.assumeTrue(r.cjkFont(), "no CJK font on this machine (fonts-wqy-microhei)");
            assertTrue(text.contains("机油滤清器"), text);
        }
    }

    @Test
    void aBinBarcodeLabelScansBackAndTwentyFiveLabelsTakeTwoA4Sheets() throws Exception {
        List<LabelPdf.Label> labels = new java.util.ArrayList<>();
        for (int i = 0; i < 25; i++) {
            labels.add(new LabelPdf.Label("BIN:ZK:A-03-" + i, List.of("A-03-" + i, "ZK 总库")));
        }
        LabelPdf.Result r = LabelPdf.render(labels, LabelPdf.Symbology.CODE128, LabelPdf.Layout.A4);
        try (PDDocument doc = Loader.loadPDF(r.pdf())) {
            assertEquals(2, doc.getNumberOfPages());
        }
        LabelPdf.Result one = LabelPdf.render(labels.subList(0, 1), LabelPdf.Symbology.CODE128,
                LabelPdf.Layout.ROLL);
        try (PDDocument doc = Loader.loadPDF(one.pdf())) {
            assertEquals("BIN:ZK:A-03-0", decode(new PDFRenderer(doc).renderImageWithDPI(0, 300)));
        }
    }

    @Test
    void withoutACjkFontOnlyLatinTextIsKept() {
        assertEquals("06L 115 562 B", LabelPdf.printable("06L 115 562 B", false));
        assertEquals("5W-30", LabelPdf.printable("机油 5W-30", false));
    }
}
