package org.opendms.printing.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opendms.printing.api.Paper;
import org.opendms.printing.api.SheetKind;
import org.opendms.settlement.api.Benefit;
import org.opendms.settlement.api.Settlement;

/**
 * Each sheet printed from a settled visit, read back with PDFBox's text stripper and compared with the data; a picture
 * of each sheet's first page on each paper is kept under target/sheets/ for a person to look at.
 */
class SheetsTest {

    private static final Visit.Guarantee SECOND_LEVEL = new Visit.Guarantee("二级维护", 5000, 30);

    /** The text of the PDF, with a PNG of its first page written to target/sheets/{kind}-{paper}.png. */
    static String textAndPicture(byte[] pdf, SheetKind kind, Paper paper) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDRectangle box = doc.getPage(0).getMediaBox();
            assertEquals(paper.widthMm(), box.getWidth() / SheetWriter.MM, 0.5, "page width in mm");
            assertEquals(paper.heightMm(), box.getHeight() / SheetWriter.MM, 0.5, "page height in mm");
            for (PDFont font : doc.getPage(0).getResources().getFontNames().iterator().hasNext()
                    ? List.of(doc.getPage(0).getResources().getFont(
                            doc.getPage(0).getResources().getFontNames().iterator().next()))
                    : List.<PDFont>of()) {
                assertTrue(font.isEmbedded(), "the CJK font is embedded: " + font.getName());
                assertTrue(font.getName().contains("+"), "as a subset: " + font.getName());
            }
            File dir = new File("target/sheets");
            dir.mkdirs();
            BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(0, 110);
            ImageIO.write(image, "png", new File(dir, kind.slug() + "-" + paper.code() + ".png"));
            return new PDFTextStripper().getText(doc);
        }
    }

    private static void assertHas(String text, String... expected) {
        // a paragraph wraps wherever the line is full, also between a number and its unit
        String joined = text.replaceAll("\\s+", "");
        for (String e : expected) {
            assertTrue(text.contains(e) || joined.contains(e.replaceAll("\\s+", "")),
                    "the sheet shows \"" + e + "\":\n" + text);
        }
    }

    @ParameterizedTest
    @EnumSource(Paper.class)
    void authorisationShowsTheCustomerTheCarTheJobsTheEstimateAndTheTerms(Paper paper) throws IOException {
        String text = textAndPicture(PdfSheets.render(SheetKind.AUTHORISATION, SampleVisit.visit(null), paper),
                SheetKind.AUTHORISATION, paper);
        assertHas(text, "维修委托书", "北京东方汽车服务有限公司", "WO20261202-0007", "京A12345", "LFV2A21K6A3012345", "张伟",
                "138****1234", "45210 km", "左前门划痕", "保养：更换机油机滤", "刹车异响", "机油滤清器", "68.50", "460.00",
                // the estimate: net 1329.50, VAT 172.84, gross 1502.34
                "1329.50", "172.84", "1502.34", "追加项目须经客户同意", "客户签字");
        assertFalse(text.contains("13800001234"), "the mobile is printed masked");
    }

    @ParameterizedTest
    @EnumSource(Paper.class)
    void jobSheetShowsTechniciansBaysAndClockedTimes(Paper paper) throws IOException {
        String text = textAndPicture(PdfSheets.render(SheetKind.JOB_SHEET, SampleVisit.visit(null), paper),
                SheetKind.JOB_SHEET, paper);
        assertHas(text, "派工单", "WO20261202-0007", "wang", "3号工位", "li、zhou", "举升机 5", "BY-001", "ZD-010",
                "更换前刹车片", "10:10", "11:22", "13:00", "前刹车片磨损到极限");
    }

    @ParameterizedTest
    @EnumSource(Paper.class)
    void pickListShowsEachPartWithItsBinAndWhatIsLeftToIssue(Paper paper) throws IOException {
        String text = textAndPicture(PdfSheets.render(SheetKind.PICK_LIST, SampleVisit.visit(null), paper),
                SheetKind.PICK_LIST, paper);
        assertHas(text, "领料单", "06L115562B", "机油滤清器", "A-01-03", "G052195M4", "B-02-01", "8K0698151F",
                "C-01-02", "已领料", "待领料", "1.5", "领料人签字");
    }

    @ParameterizedTest
    @EnumSource(Paper.class)
    void billShowsEveryPayerToTheFenWithDiscountVatRoundingAndTenders(Paper paper) throws IOException {
        String text = textAndPicture(PdfSheets.render(SheetKind.BILL, SampleVisit.visit(null), paper),
                SheetKind.BILL, paper);
        assertHas(text, "结算单", "JS20261202-0003", "付款方：客户", "BY-001", "120.00", "118.15", "460.00", "452.91",
                "整单优惠", "-10.00", "638.50", "增值税 13%", "83.01", "721.51", "抹零", "-0.51", "721.00",
                "微信支付", "500.00", "4200001234202612020001", "现金", "221.00", "300.00", "79.00",
                "付款方：保险公司（中国人保财险）", "JS20261202-0004", "681.00", "88.53", "769.53", "待收款",
                "客户应付合计", "柒佰贰拾壹元整", "扫码查看电子结算单");
    }

    @Test
    void aMembersBenefitIsPrintedByItsNameApartFromTheCashiersDiscount() throws IOException {
        Visit v = SampleVisit.visit(null);
        Settlement c = v.documents().get(0);
        // the member's tier took 12.00 off the labour line; the cashier's 10.00 stays as before
        Settlement member = new Settlement(c.id(), c.number(), c.workOrderId(), c.workOrderNumber(), c.round(),
                c.payer(), c.customerId(), c.payerName(), c.status(), c.lines(), c.labour(), c.parts(), c.sublet(),
                c.fees(), c.handlingFee(), new java.math.BigDecimal("22.00"), List.of(Benefit.of("会员 GOLD 工时9折",
                        "member GOLD: labour 10% off", Map.of(1L, new java.math.BigDecimal("12.00")))),
                c.discountApprovedBy(), c.net(), c.vatRate(), c.vat(), c.gross(), c.roundTo(), c.rounding(),
                c.payable(), c.paid(), c.onAccount(), c.tenders(), c.reversalOfId(), c.reversedById(), c.reason(),
                c.createdAt(), c.createdBy(), c.settledAt(), c.settledBy(), c.version());
        Visit withBenefit = new Visit(v.shop(), v.workOrder(), v.customer(), v.vehicle(), v.assignments(), v.clocks(),
                v.pickList(), List.of(member, v.documents().get(1)), v.eBillUrl(), v.guarantee(), v.completedAt(),
                v.terms(), v.zone(), v.printedAt());
        String text = textAndPicture(PdfSheets.render(SheetKind.BILL, withBenefit, Paper.A4), SheetKind.BILL,
                Paper.A4);
        assertHas(text, "会员 GOLD 工时9折", "-12.00", "整单优惠", "-10.00");
    }

    @Test
    void billCarriesTheEBillLinkInItsQrCode() throws IOException {
        byte[] pdf = PdfSheets.render(SheetKind.BILL, SampleVisit.visit(null), Paper.A4);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 200);
            com.google.zxing.Result result = new com.google.zxing.qrcode.QRCodeReader()
                    .decode(new com.google.zxing.BinaryBitmap(new com.google.zxing.common.HybridBinarizer(
                            luminance(page))));
            assertEquals(SampleVisit.E_BILL, result.getText());
        } catch (com.google.zxing.NotFoundException | com.google.zxing.ChecksumException
                | com.google.zxing.FormatException e) {
            throw new AssertionError("no readable QR code on the bill", e);
        }
    }

    private static com.google.zxing.LuminanceSource luminance(BufferedImage image) {
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        return new com.google.zxing.RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
    }

    @ParameterizedTest
    @EnumSource(Paper.class)
    void certificateShowsTheGuaranteeByKmAndDaysFromCompletion(Paper paper) throws IOException {
        String text = textAndPicture(PdfSheets.render(SheetKind.CERTIFICATE, SampleVisit.visit(SECOND_LEVEL), paper),
                SheetKind.CERTIFICATE, paper);
        assertHas(text, "机动车维修竣工出厂合格证", "张伟", "京A12345", "DKV123456", "二级维护", "2026-12-02", "5000 公里",
                "30 日", "2027-01-01", "50210 km", "更换机油及机滤，复位保养灯", "质量检验员签字");
    }

    @Test
    void aLongBillRunsOverPagesThatAreNumbered() throws IOException {
        byte[] pdf = PdfSheets.render(SheetKind.BILL, SampleVisit.bill(80), Paper.A5);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            int pages = doc.getNumberOfPages();
            assertTrue(pages > 1, "80 lines take more than one A5 page");
            String text = new PDFTextStripper().getText(doc);
            assertHas(text, "第 1 页 / 共 " + pages + " 页", "P100080", "P100001");
        }
    }
}
