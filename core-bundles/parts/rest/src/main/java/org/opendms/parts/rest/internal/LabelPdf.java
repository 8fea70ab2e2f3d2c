package org.opendms.parts.rest.internal;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.opendms.platform.api.DmsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.oned.Code128Writer;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * Printable labels as PDF: a QR code or a Code 128 barcode (ZXing) drawn as vector rectangles, so it scans at any
 * printer resolution, with a few lines of text beside or under it (Chinese names need a TrueType CJK font, see
 * {@link #findCjkFont()}).
 */
public final class LabelPdf {

    private static final Logger LOG = LoggerFactory.getLogger(LabelPdf.class);
    private static final float MM = 72f / 25.4f;

    /**
     * Where a CJK TrueType font is looked for, in order, after the system property {@code dms.labels.font}: Debian's
     * fonts-wqy-microhei and fonts-wqy-zenhei, then Windows' and macOS' own.
     */
    static final List<String> FONT_PATHS = List.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", "C:/Windows/Fonts/msyh.ttc", "C:/Windows/Fonts/simsun.ttc",
            "/System/Library/Fonts/PingFang.ttc", "/Library/Fonts/Arial Unicode.ttf");

    /** A symbology a label's code is drawn in. */
    public enum Symbology {
        QR, CODE128;

        public static Symbology of(String raw) {
            if (raw == null || raw.isBlank()) {
                return QR;
            }
            try {
                return valueOf(raw.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw DmsException.invalid("symbology", "wrong_type", "symbology 应为 QR 或 CODE128",
                        "symbology must be QR or CODE128");
            }
        }
    }

    /** How labels are laid out: a roll printer's 60 × 40 mm page per label, or 3 × 8 labels on A4 sheets. */
    public enum Layout {
        ROLL, A4;

        public static Layout of(String raw) {
            if (raw == null || raw.isBlank()) {
                return A4;
            }
            try {
                return valueOf(raw.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw DmsException.invalid("layout", "wrong_type", "layout 应为 A4 或 ROLL",
                        "layout must be A4 or ROLL");
            }
        }
    }

    /** One label: the code scanned (ASCII) and the lines printed with it (the first one bold-sized). */
    public record Label(String code, List<String> lines) {
    }

    /** The PDF and whether Chinese could be printed (false: a CJK font was missing and such text was left out). */
    public record Result(byte[] pdf, boolean cjkFont) {
    }

    /** Labels per PDF at most. */
    public static final int MAX_LABELS = 1000;

    private LabelPdf() {
    }

    /** The first CJK TrueType font found, or null. */
    static File findCjkFont() {
        String configured = System.getProperty("dms.labels.font");
        List<String> paths = new ArrayList<>();
        if (configured != null && !configured.isBlank()) {
            paths.add(configured.strip());
        }
        paths.addAll(FONT_PATHS);
        for (String path : paths) {
            File f = new File(path);
            if (f.isFile() && f.canRead()) {
                return f;
            }
        }
        return null;
    }

    public static Result render(List<Label> labels, Symbology symbology, Layout layout) {
        if (labels.isEmpty()) {
            throw DmsException.invalid("ids", "required", "没有要打印的标签", "no labels to print");
        }
        if (labels.size() > MAX_LABELS) {
            throw DmsException.invalid("ids", "too_many", "一次最多打印 " + MAX_LABELS + " 张标签",
                    "at most " + MAX_LABELS + " labels at a time");
        }
        try (PDDocument doc = new PDDocument()) {
            PDDocumentInformation info = new PDDocumentInformation();
            info.setTitle("OpenDMS labels");
            info.setCreator("OpenDMS");
            doc.setDocumentInformation(info);
            PDFont font = null;
            TrueTypeCollection collection = null;
            File fontFile = findCjkFont();
            if (fontFile != null) {
                try {
                    if (fontFile.getName().toLowerCase(Locale.ROOT).endsWith(".ttc")) {
                        collection = new TrueTypeCollection(fontFile);
                        TrueTypeFont[] first = new TrueTypeFont[1];
                        collection.processAllFonts(ttf -> {
                            if (first[0] == null) {
                                first[0] = ttf;
                            }
                        });
                        font = PDType0Font.load(doc, first[0], true);
                    } else {
                        font = PDType0Font.load(doc, fontFile);
                    }
                } catch (IOException e) {
                    LOG.warn("labels: the CJK font {} cannot be loaded ({}); Chinese text is left out", fontFile,
                            e.getMessage());
                    font = null;
                }
            } else {
                LOG.warn("labels: no CJK TrueType font found (install fonts-wqy-microhei or set -Ddms.labels.font=…);"
                        + " Chinese text is left out of labels");
            }
            boolean cjk = font != null;
            if (font == null) {
                font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            }
            if (layout == Layout.ROLL) {
                for (Label label : labels) {
                    PDPage page = new PDPage(new PDRectangle(60 * MM, 40 * MM));
                    doc.addPage(page);
                    try (PDPageContentStream out = new PDPageContentStream(doc, page)) {
                        draw(out, label, symbology, font, cjk, 0, 0, 60 * MM, 40 * MM);
                    }
                }
            } else {
                float w = 70 * MM;
                float h = 37 * MM;
                int perPage = 24;
                for (int i = 0; i < labels.size(); i += perPage) {
                    PDPage page = new PDPage(PDRectangle.A4);
                    doc.addPage(page);
                    float top = PDRectangle.A4.getHeight() - (PDRectangle.A4.getHeight() - 8 * h) / 2;
                    try (PDPageContentStream out = new PDPageContentStream(doc, page)) {
                        for (int j = 0; j < perPage && i + j < labels.size(); j++) {
                            int col = j % 3;
                            int row = j / 3;
                            draw(out, labels.get(i + j), symbology, font, cjk, col * w, top - (row + 1) * h, w, h);
                        }
                    }
                }
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.save(bytes);
            if (collection != null) {
                collection.close();
            }
            return new Result(bytes.toByteArray(), cjk);
        } catch (IOException e) {
            throw new UncheckedIOException("writing labels", e);
        }
    }

    private static void draw(PDPageContentStream out, Label label, Symbology symbology, PDFont font, boolean cjk,
            float x, float y, float w, float h) throws IOException {
        float pad = 3 * MM;
        float textX;
        float textTop = y + h - pad;
        float textWidth;
        if (symbology == Symbology.QR) {
            float size = Math.min(h - 2 * pad, w * 0.45f);
            BitMatrix m = matrix(label.code(), BarcodeFormat.QR_CODE);
            bars(out, m, x + pad, y + pad, size, size);
            textX = x + pad + size + 2 * MM;
            textWidth = w - (textX - x) - pad;
        } else {
            BitMatrix m = matrix(label.code(), BarcodeFormat.CODE_128);
            float barHeight = h * 0.45f;
            bars(out, m, x + pad, y + pad, w - 2 * pad, barHeight);
            textX = x + pad;
            textWidth = w - 2 * pad;
        }
        float line = textTop;
        boolean first = true;
        for (String text : label.lines()) {
            if (text == null || text.isBlank()) {
                continue;
            }
            String printable = printable(text, cjk);
            float size = first ? 10 : 7.5f;
            // the part number shrinks to fit rather than lose characters; other lines are cut
            while (first && size > 6 && font.getStringWidth(printable) / 1000 * size > textWidth) {
                size -= 0.5f;
            }
            String shown = fit(printable, font, size, textWidth);
            line -= size + 1.5f;
            if (symbology == Symbology.CODE128 && line < y + pad + h * 0.45f + 1) {
                break;
            }
            if (line < y + pad) {
                break;
            }
            out.beginText();
            out.setFont(font, size);
            out.newLineAtOffset(textX, line);
            out.showText(shown);
            out.endText();
            first = false;
        }
    }

    /** Without a CJK font only what Helvetica can print stays: Latin letters, digits and common signs. */
    static String printable(String text, boolean cjk) {
        if (cjk) {
            return text;
        }
        StringBuilder s = new StringBuilder();
        text.codePoints().filter(c -> c >= 0x20 && c < 0x7f).forEach(s::appendCodePoint);
        return s.toString().strip();
    }

    private static String fit(String text, PDFont font, float size, float width) throws IOException {
        String t = text;
        while (!t.isEmpty() && font.getStringWidth(t) / 1000 * size > width) {
            t = t.substring(0, t.offsetByCodePoints(t.length(), -1));
        }
        return t;
    }

    static BitMatrix matrix(String code, BarcodeFormat format) {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.MARGIN, 0);
        try {
            if (format == BarcodeFormat.QR_CODE) {
                hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
                hints.put(EncodeHintType.CHARACTER_SET, "UTF-8");
                return new QRCodeWriter().encode(code, format, 0, 0, hints);
            }
            return new Code128Writer().encode(code, format, 0, 0, hints);
        } catch (WriterException | IllegalArgumentException e) {
            throw DmsException.invalid("code", "label.unencodable", "无法生成条码：" + code,
                    "the code cannot be drawn as a barcode: " + code);
        }
    }

    /** Each dark module as a filled rectangle, scaled into the box (square modules for QR). */
    private static void bars(PDPageContentStream out, BitMatrix m, float x, float y, float w, float h)
            throws IOException {
        int cols = m.getWidth();
        int rows = m.getHeight();
        float mw = w / cols;
        float mh = rows == 1 ? h : h / rows;
        if (rows > 1) {
            mw = mh = Math.min(mw, mh);
        }
        out.setNonStrokingColor(0f, 0f, 0f);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (m.get(c, r)) {
                    int run = 1;
                    while (c + run < cols && m.get(c + run, r)) {
                        run++;
                    }
                    out.addRect(x + c * mw, rows == 1 ? y : y + (rows - 1 - r) * mh, run * mw, rows == 1 ? h : mh);
                    c += run - 1;
                }
            }
        }
        out.fill();
    }
}
