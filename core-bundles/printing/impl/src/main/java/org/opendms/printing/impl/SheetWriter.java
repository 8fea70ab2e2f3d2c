package org.opendms.printing.impl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.opendms.printing.api.Paper;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * Writes a sheet top to bottom: a title, label–value grids, tables whose cells wrap, paragraphs, signature boxes and a
 * QR code, starting a new page when the paper is full and numbering the pages at the end. A5 prints smaller.
 */
final class SheetWriter implements AutoCloseable {

    static final float MM = 72f / 25.4f;

    private final PDDocument doc;
    private final PDFont font;
    private final Paper paper;
    private final float size;
    private final float left;
    private final float right;
    private final float top;
    private final float bottom;
    private PDPageContentStream out;
    private float y;

    SheetWriter(Paper paper, String title) throws IOException {
        this.paper = paper;
        this.doc = new PDDocument();
        PDDocumentInformation info = new PDDocumentInformation();
        info.setTitle(title);
        info.setCreator("OpenDMS");
        doc.setDocumentInformation(info);
        this.font = CjkFont.load(doc);
        boolean small = paper == Paper.A5;
        this.size = small ? 7.5f : 9f;
        float margin = (small ? 8 : 12) * MM;
        this.left = margin;
        this.right = paper.widthMm() * MM - margin;
        this.top = paper.heightMm() * MM - margin;
        this.bottom = margin + 6 * MM;
        newPage();
    }

    float width() {
        return right - left;
    }

    float lineHeight() {
        return size * 1.45f;
    }

    /** Big and centred, with the shop's name above it. */
    void title(String shop, String title) throws IOException {
        centred(shop, size + 2);
        y -= 2;
        centred(title, size + 7);
        y -= 4;
    }

    private void centred(String text, float s) throws IOException {
        y -= s * 1.2f;
        float w = font.getStringWidth(text) / 1000 * s;
        show(text, (left + right - w) / 2, y, s);
    }

    /** A small section heading with a rule under it. */
    void heading(String text) throws IOException {
        need(lineHeight() * 3);
        y -= 3;
        y -= lineHeight();
        show(text, left, y + 2, size + 1.5f);
        rule(y - 1);
        y -= 3;
    }

    /** "label：value" cells, {@code perRow} a row; null values print empty. */
    void fields(int perRow, String... labelsAndValues) throws IOException {
        float cell = width() / perRow;
        List<String> cells = new ArrayList<>();
        for (int i = 0; i + 1 < labelsAndValues.length; i += 2) {
            String v = labelsAndValues[i + 1];
            cells.add(labelsAndValues[i] + "：" + (v == null ? "" : v));
        }
        for (int i = 0; i < cells.size(); i += perRow) {
            List<List<String>> wrapped = new ArrayList<>();
            int lines = 1;
            for (int j = i; j < Math.min(i + perRow, cells.size()); j++) {
                List<String> w = wrap(cells.get(j), cell - 4, size);
                wrapped.add(w);
                lines = Math.max(lines, w.size());
            }
            need(lines * lineHeight());
            for (int j = 0; j < wrapped.size(); j++) {
                float ly = y;
                for (String line : wrapped.get(j)) {
                    ly -= lineHeight();
                    show(line, left + j * cell, ly + 3, size);
                }
            }
            y -= lines * lineHeight();
        }
    }

    /** Text that wraps over the whole width. */
    void paragraph(String text, float s) throws IOException {
        for (String para : text.split("\n")) {
            for (String line : wrap(para, width(), s)) {
                need(s * 1.45f);
                y -= s * 1.45f;
                show(line, left, y + 3, s);
            }
        }
    }

    void paragraph(String text) throws IOException {
        paragraph(text, size);
    }

    /** A column of a table: its heading, share of the width, and whether it is a right-aligned amount. */
    record Column(String heading, float weight, boolean amount) {
    }

    /** A table with a ruled heading row (repeated on each new page) and rows whose cells wrap. */
    void table(List<Column> columns, List<String[]> rows) throws IOException {
        float total = 0;
        for (Column c : columns) {
            total += c.weight();
        }
        float[] widths = new float[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = width() * columns.get(i).weight() / total;
        }
        need(lineHeight() * 2.5f);
        header(columns, widths);
        for (String[] row : rows) {
            List<List<String>> cells = new ArrayList<>();
            int lines = 1;
            for (int i = 0; i < widths.length; i++) {
                String v = i < row.length && row[i] != null ? row[i] : "";
                List<String> w = columns.get(i).amount() ? List.of(v) : wrap(v, widths[i] - 4, size);
                cells.add(w);
                lines = Math.max(lines, w.size());
            }
            if (y - lines * lineHeight() < bottom) {
                newPage();
                header(columns, widths);
            }
            float x = left;
            for (int i = 0; i < widths.length; i++) {
                float ly = y;
                for (String line : cells.get(i)) {
                    ly -= lineHeight();
                    float tx = columns.get(i).amount() ? x + widths[i] - 2 - textWidth(line, size) : x + 1;
                    show(line, tx, ly + 3, size);
                }
                x += widths[i];
            }
            y -= lines * lineHeight();
        }
        rule(y - 1);
        y -= 3;
    }

    private void header(List<Column> columns, float[] widths) throws IOException {
        rule(y);
        y -= lineHeight();
        float x = left;
        for (int i = 0; i < widths.length; i++) {
            String h = columns.get(i).heading();
            float tx = columns.get(i).amount() ? x + widths[i] - 2 - textWidth(h, size) : x + 1;
            show(h, tx, y + 3, size);
            x += widths[i];
        }
        rule(y);
    }

    /** Amount lines right-aligned at the right edge: "label value". */
    void totals(String... labelsAndValues) throws IOException {
        for (int i = 0; i + 1 < labelsAndValues.length; i += 2) {
            need(lineHeight());
            y -= lineHeight();
            String v = labelsAndValues[i + 1];
            show(v, right - textWidth(v, size), y + 3, size);
            String l = labelsAndValues[i];
            show(l, right - 42 * MM - textWidth(l, size), y + 3, size);
        }
    }

    /** Boxes side by side for signatures or a stamp, each with its caption inside. */
    void signatureBoxes(float heightMm, String... captions) throws IOException {
        float h = heightMm * MM;
        need(h + 6);
        y -= 4;
        float gap = 4 * MM;
        float w = (width() - gap * (captions.length - 1)) / captions.length;
        for (int i = 0; i < captions.length; i++) {
            float x = left + i * (w + gap);
            out.addRect(x, y - h, w, h);
            out.stroke();
            show(captions[i], x + 2, y - lineHeight(), size);
            show("日期：", x + 2, y - h + 4, size);
        }
        y -= h + 2;
    }

    /** A QR code (vector modules, so it scans at any printer resolution) at the right, with a caption to its left. */
    void qr(String content, float sizeMm, String caption) throws IOException {
        float s = sizeMm * MM;
        need(s + 4);
        y -= 2;
        BitMatrix m = matrix(content);
        float module = s / m.getWidth();
        float x0 = right - s;
        float y0 = y - s;
        out.setNonStrokingColor(0f, 0f, 0f);
        for (int r = 0; r < m.getHeight(); r++) {
            for (int c = 0; c < m.getWidth(); c++) {
                if (m.get(c, r)) {
                    int run = 1;
                    while (c + run < m.getWidth() && m.get(c + run, r)) {
                        run++;
                    }
                    out.addRect(x0 + c * module, y0 + (m.getHeight() - 1 - r) * module, run * module, module);
                    c += run - 1;
                }
            }
        }
        out.fill();
        float ty = y;
        for (String line : wrap(caption, width() - s - 4 * MM, size)) {
            ty -= lineHeight();
            show(line, left, ty + 3, size);
        }
        y = Math.min(y0, ty) - 2;
    }

    static BitMatrix matrix(String content) {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.MARGIN, 0);
        hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
        hints.put(EncodeHintType.CHARACTER_SET, "UTF-8");
        try {
            return new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0, hints);
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode as QR: " + content, e);
        }
    }

    void space(float mm) {
        y -= mm * MM;
    }

    /** The PDF, pages numbered "第 n 页 / 共 m 页". */
    byte[] finish() throws IOException {
        out.close();
        out = null;
        int count = doc.getNumberOfPages();
        for (int i = 0; i < count; i++) {
            PDPage p = doc.getPage(i);
            try (PDPageContentStream s = new PDPageContentStream(doc, p, PDPageContentStream.AppendMode.APPEND,
                    true)) {
                String text = "第 " + (i + 1) + " 页 / 共 " + count + " 页";
                float w = textWidth(text, size - 1);
                s.beginText();
                s.setFont(font, size - 1);
                s.newLineAtOffset((left + right - w) / 2, bottom - 5 * MM);
                s.showText(text);
                s.endText();
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(32 * 1024);
        doc.save(bytes);
        return bytes.toByteArray();
    }

    @Override
    public void close() {
        try {
            if (out != null) {
                out.close();
            }
            doc.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void need(float height) throws IOException {
        if (y - height < bottom) {
            newPage();
        }
    }

    private void newPage() throws IOException {
        if (out != null) {
            out.close();
        }
        PDPage page = new PDPage(new PDRectangle(paper.widthMm() * MM, paper.heightMm() * MM));
        doc.addPage(page);
        out = new PDPageContentStream(doc, page);
        out.setLineWidth(0.6f);
        y = top;
    }

    private void rule(float at) throws IOException {
        out.moveTo(left, at);
        out.lineTo(right, at);
        out.stroke();
    }

    private void show(String text, float x, float at, float s) throws IOException {
        if (text.isEmpty()) {
            return;
        }
        out.beginText();
        out.setFont(font, s);
        out.newLineAtOffset(x, at);
        out.showText(clean(text));
        out.endText();
    }

    float textWidth(String text, float s) throws IOException {
        return font.getStringWidth(clean(text)) / 1000 * s;
    }

    /** Control characters (a tab, a stray newline) have no glyph and would fail the whole sheet. */
    private static String clean(String text) {
        return text.replaceAll("[\\p{Cntrl}]", " ");
    }

    /** Greedy wrap by character: Chinese has no spaces to break at; Latin words stay whole where they fit. */
    List<String> wrap(String text, float width, float s) throws IOException {
        List<String> lines = new ArrayList<>();
        String rest = clean(text);
        while (!rest.isEmpty()) {
            if (textWidth(rest, s) <= width) {
                lines.add(rest);
                break;
            }
            int cut = 1;
            while (cut < rest.length() && textWidth(rest.substring(0, cut + 1), s) <= width) {
                cut++;
            }
            int space = rest.lastIndexOf(' ', cut);
            if (space > cut / 2 && Character.isLetterOrDigit(rest.charAt(cut))) {
                cut = space + 1;
            }
            lines.add(rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut).stripLeading();
        }
        if (lines.isEmpty()) {
            lines.add("");
        }
        return lines;
    }
}
