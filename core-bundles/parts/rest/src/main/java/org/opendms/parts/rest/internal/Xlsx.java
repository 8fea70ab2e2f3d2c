package org.opendms.parts.rest.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.opendms.platform.api.DmsException;

/**
 * Reading and writing xlsx with fastexcel, in the shapes the parts screens need: a first sheet of rows under a header
 * row, read as text by column name; sheets written from a header and rows of values.
 */
public final class Xlsx {

    /** The content type of an xlsx file. */
    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** Rows read at most: a shop's parts list, not a data warehouse. */
    public static final int MAX_ROWS = 20_000;

    /**
     * One row of the sheet: its number as Excel shows it (the header is row 1) and its cells as text by column key.
     * Blank cells are absent.
     */
    public record SheetRow(int number, Map<String, String> cells) {
        public String get(String key) {
            return cells.get(key);
        }
    }

    /** A column: its key and the header spellings accepted for it (Chinese and English, any case). */
    public record Column(String key, String zh, String en) {
        boolean matches(String header) {
            String h = header.strip().replace(" ", "").toLowerCase(Locale.ROOT);
            return h.equals(zh.toLowerCase(Locale.ROOT)) || h.equals(en.replace(" ", "").toLowerCase(Locale.ROOT))
                    || h.equals(key.toLowerCase(Locale.ROOT)) || h.equals((zh + "(" + en + ")").replace(" ", "")
                            .toLowerCase(Locale.ROOT))
                    || h.equals((zh + en).replace(" ", "").toLowerCase(Locale.ROOT));
        }

        /** The header written in a template or an export: 中文 (English). */
        public String header() {
            return zh + " (" + en + ")";
        }
    }

    private Xlsx() {
    }

    /**
     * The rows under the header row of the first sheet. Columns are found by their header; an unknown header is
     * refused (a typo would otherwise lose a whole column silently), and so is a missing required one.
     */
    public static List<SheetRow> read(byte[] file, List<Column> columns, List<String> required) {
        if (file == null || file.length == 0) {
            throw DmsException.invalid("file", "required", "请上传 Excel 文件（.xlsx）",
                    "upload an Excel file (.xlsx)");
        }
        // the library's header checks throw on fewer bytes than a header: such a file is no workbook either
        if (file.length < 8 || !ReadableWorkbook.isOOXMLZipHeader(file)) {
            throw DmsException.invalid("file", "file.type",
                    file.length >= 8 && ReadableWorkbook.isOLE2Header(file) ? "不支持旧版 .xls 文件，请在 Excel 中另存为 .xlsx"
                            : "文件不是 Excel（.xlsx）",
                    file.length >= 8 && ReadableWorkbook.isOLE2Header(file)
                            ? "old .xls files are not supported: save it as .xlsx"
                            : "the file is not an Excel workbook (.xlsx)");
        }
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(file))) {
            List<Row> rows = new ArrayList<>();
            try (var stream = workbook.getFirstSheet().openStream()) {
                var it = stream.iterator();
                while (it.hasNext()) {
                    rows.add(it.next());
                    if (rows.size() > MAX_ROWS + 1) {
                        throw DmsException.invalid("file", "file.too_many_rows",
                                "文件行数超过 " + MAX_ROWS + " 行，请分批导入",
                                "the file has more than " + MAX_ROWS + " rows: import it in parts");
                    }
                }
            }
            Row header = rows.stream().filter(r -> r.getFirstNonEmptyCell().isPresent()).findFirst()
                    .orElseThrow(() -> DmsException.invalid("file", "file.empty", "第一个工作表是空的",
                            "the first sheet is empty"));
            Map<Integer, String> keyAt = new LinkedHashMap<>();
            for (Cell cell : header) {
                if (cell == null) {
                    continue;
                }
                String text = text(cell);
                if (text == null) {
                    continue;
                }
                Column column = columns.stream().filter(c -> c.matches(text)).findFirst()
                        .orElseThrow(() -> DmsException.invalid("file", "file.unknown_column",
                                "第 " + (header.getRowNum()) + " 行表头“" + text + "”不是可导入的列（可用："
                                        + columns.stream().map(Column::zh).toList() + "）",
                                "header '" + text + "' is not a column that can be imported ("
                                        + columns.stream().map(Column::en).toList() + ")"));
                if (keyAt.containsValue(column.key())) {
                    throw DmsException.invalid("file", "file.duplicate_column", "表头“" + text + "”出现了两次",
                            "header '" + text + "' appears twice");
                }
                keyAt.put(cell.getColumnIndex(), column.key());
            }
            for (String key : required) {
                if (!keyAt.containsValue(key)) {
                    Column c = columns.stream().filter(col -> col.key().equals(key)).findFirst().orElseThrow();
                    throw DmsException.invalid("file", "file.missing_column", "缺少必填列“" + c.zh() + "”",
                            "the required column '" + c.en() + "' is missing");
                }
            }
            List<SheetRow> result = new ArrayList<>();
            for (Row row : rows) {
                if (row.getRowNum() <= header.getRowNum()) {
                    continue;
                }
                Map<String, String> cells = new LinkedHashMap<>();
                for (Cell cell : row) {
                    if (cell == null) {
                        continue;
                    }
                    String key = keyAt.get(cell.getColumnIndex());
                    String text = text(cell);
                    if (key != null && text != null) {
                        cells.put(key, text);
                    }
                }
                if (!cells.isEmpty()) {
                    result.add(new SheetRow(row.getRowNum(), cells));
                }
            }
            return result;
        } catch (IOException | RuntimeException e) {
            if (e instanceof DmsException dms) {
                throw dms;
            }
            throw DmsException.invalid("file", "file.unreadable", "无法读取该 Excel 文件：" + e.getMessage(),
                    "the Excel file cannot be read: " + e.getMessage());
        }
    }

    /** A cell as the user sees it: numbers without exponent or trailing zeros, dates as yyyy-MM-dd; null if blank. */
    static String text(Cell cell) {
        if (cell.getType() == CellType.EMPTY) {
            return null;
        }
        String text;
        if (cell.getType() == CellType.NUMBER) {
            String format = cell.getDataFormatString();
            if (format != null && isDateFormat(format)) {
                LocalDateTime when = cell.asDate();
                text = when.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? when.toLocalDate().toString()
                        : when.toString();
            } else {
                BigDecimal n = cell.asNumber();
                text = n.stripTrailingZeros().toPlainString();
            }
        } else {
            text = cell.getText();
        }
        if (text == null) {
            return null;
        }
        text = text.strip();
        return text.isEmpty() ? null : text;
    }

    private static boolean isDateFormat(String format) {
        String f = format.toLowerCase(Locale.ROOT).replaceAll("\\[[^]]*]", "").replaceAll("\"[^\"]*\"", "");
        return (f.contains("y") || f.contains("d")) && !f.contains("0") && !f.contains("#");
    }

    /** A sheet to write: its name, header row and data rows (String, Number, LocalDate, LocalDateTime or null). */
    public record SheetData(String name, List<String> headers, List<List<Object>> rows) {
    }

    /** The workbook as bytes. */
    public static byte[] write(List<SheetData> sheets) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "OpenDMS", "1.0");
            for (SheetData data : sheets) {
                Worksheet sheet = workbook.newWorksheet(data.name());
                for (int c = 0; c < data.headers().size(); c++) {
                    sheet.value(0, c, data.headers().get(c));
                    sheet.style(0, c).bold().fillColor("DDEBF7").set();
                    sheet.width(c, Math.max(10, Math.min(40, data.headers().get(c).length() * 1.6 + 2)));
                }
                int r = 1;
                for (List<Object> row : data.rows()) {
                    for (int c = 0; c < row.size(); c++) {
                        Object v = row.get(c);
                        if (v == null) {
                            continue;
                        } else if (v instanceof BigDecimal d) {
                            sheet.value(r, c, d);
                        } else if (v instanceof Number n) {
                            sheet.value(r, c, n);
                        } else if (v instanceof LocalDate d) {
                            sheet.value(r, c, d);
                            sheet.style(r, c).format("yyyy-mm-dd").set();
                        } else if (v instanceof LocalDateTime t) {
                            sheet.value(r, c, t);
                            sheet.style(r, c).format("yyyy-mm-dd hh:mm:ss").set();
                        } else if (v instanceof java.time.OffsetDateTime t) {
                            sheet.value(r, c, t.toLocalDateTime());
                            sheet.style(r, c).format("yyyy-mm-dd hh:mm:ss").set();
                        } else if (v instanceof Boolean b) {
                            sheet.value(r, c, b ? "是" : "否");
                        } else {
                            sheet.value(r, c, v.toString());
                        }
                    }
                    r++;
                }
                sheet.freezePane(0, 1);
                sheet.finish();
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("writing the workbook", e);
        }
        return out.toByteArray();
    }
}
