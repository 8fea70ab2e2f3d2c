package org.opendms.parts.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.opendms.parts.api.Bin;
import org.opendms.parts.api.PartDraft;
import org.opendms.parts.api.PartLookup;
import org.opendms.parts.api.PartNumber;
import org.opendms.parts.api.Prices;
import org.opendms.parts.api.Warehouse;
import org.opendms.parts.rest.internal.Xlsx;
import org.opendms.parts.rest.internal.Xlsx.Column;
import org.opendms.parts.rest.internal.Xlsx.SheetRow;

/**
 * A parts list with opening stock as shops keep it in Excel: one row per part, its opening stock (warehouse, bin,
 * quantity, unit cost, batch) in the same row. Every row is checked before anything is imported; each problem is
 * reported with its row and column, in Chinese and English.
 */
final class PartsSheet {

    static final List<Column> COLUMNS = List.of(new Column("partNumber", "配件号", "Part number"),
            new Column("name", "名称", "Name"), new Column("brand", "品牌", "Brand"),
            new Column("category", "类别", "Category"), new Column("unit", "单位", "Unit"),
            new Column("retail", "零售价", "Retail price"), new Column("warranty", "索赔价", "Warranty price"),
            new Column("insurance", "保险价", "Insurance price"), new Column("internal", "内部价", "Internal price"),
            new Column("taxRate", "税率", "Tax rate"), new Column("fitment", "适用车型", "Fitment"),
            new Column("batchTracked", "批次管理", "Batch tracked"), new Column("decimal", "允许小数", "Decimal"),
            new Column("warehouse", "仓库", "Warehouse"), new Column("bin", "库位", "Bin"),
            new Column("quantity", "期初数量", "Opening quantity"), new Column("unitCost", "单位成本", "Unit cost"),
            new Column("batchNumber", "批号", "Batch number"), new Column("expiresOn", "有效期至", "Expires on"));

    static final List<String> REQUIRED = List.of("partNumber", "name", "unit", "retail");

    /** A problem of one cell (or the whole row when column is null). */
    record RowError(int row, String column, String code, String message, String messageEn) {
    }

    /** A row that passed every check: the part to add and, if given, its opening stock. */
    record GoodRow(int row, PartDraft draft, Warehouse warehouse, Bin bin, BigDecimal quantity, BigDecimal unitCost,
            String batchNumber, LocalDate expiresOn) {
    }

    record Checked(int rows, List<GoodRow> good, List<RowError> errors) {
    }

    /** What the checks need to look up. */
    interface Lookups {
        Optional<PartLookup> part(String number);

        Optional<Warehouse> warehouse(String code);

        Optional<Bin> bin(Warehouse warehouse, String code);

        LocalDate today();
    }

    private PartsSheet() {
    }

    static Checked check(List<SheetRow> rows, Lookups lookups) {
        List<GoodRow> good = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        Map<String, Integer> firstRowOfKey = new HashMap<>();
        for (SheetRow r : rows) {
            Cells c = new Cells(r, errors);
            String number = c.text("partNumber", 40, true);
            String key = number == null ? null : PartNumber.key(number);
            if (number != null && (key.isEmpty() || !key.chars().allMatch(Character::isLetterOrDigit))) {
                c.error("partNumber", "part.number_format", "配件号只能由字母、数字及空格、-、.、/、_ 组成",
                        "a part number is letters and digits (spaces, - . / _ are ignored)");
                key = null;
            }
            if (key != null) {
                Integer earlier = firstRowOfKey.putIfAbsent(key, r.number());
                if (earlier != null) {
                    c.error("partNumber", "file.duplicate_part", "与第 " + earlier + " 行的配件号重复",
                            "the same part number as row " + earlier);
                } else if (lookups.part(number).isPresent()) {
                    c.error("partNumber", "part.duplicate", "配件档案中已有此配件号（导入只新建配件）",
                            "the catalogue already has this part number (an import only adds parts)");
                }
            }
            String name = c.text("name", 100, true);
            String brand = c.text("brand", 60, false);
            String category = c.text("category", 60, false);
            String unit = c.text("unit", 10, true);
            BigDecimal retail = c.money("retail", true);
            BigDecimal warranty = c.money("warranty", false);
            BigDecimal insurance = c.money("insurance", false);
            BigDecimal internal = c.money("internal", false);
            BigDecimal taxRate = c.taxRate("taxRate");
            String fitment = c.text("fitment", 500, false);
            boolean batchTracked = c.yesNo("batchTracked");
            Boolean decimalCell = c.yesNoOrNull("decimal");
            boolean decimal = decimalCell == null ? batchTracked : decimalCell;

            Warehouse warehouse = null;
            Bin bin = null;
            BigDecimal quantity = c.quantity("quantity", decimal);
            BigDecimal unitCost = c.decimal("unitCost", 4, false, "单位成本", "unit cost");
            String batchNumber = c.text("batchNumber", 40, false);
            LocalDate expiresOn = c.day("expiresOn");
            String warehouseCode = r.get("warehouse");
            String binCode = r.get("bin");
            boolean stockGiven = quantity != null || unitCost != null || warehouseCode != null || binCode != null
                    || batchNumber != null || expiresOn != null;
            if (stockGiven) {
                if (r.get("quantity") == null) {
                    c.error("quantity", "required", "填写了期初库存的其他列，须填期初数量",
                            "opening stock columns are filled: the opening quantity is required");
                }
                if (r.get("unitCost") == null) {
                    c.error("unitCost", "required", "有期初数量时须填单位成本（不含税）",
                            "an opening quantity needs its unit cost (without tax)");
                }
                if (warehouseCode == null) {
                    c.error("warehouse", "required", "有期初数量时须填仓库代码",
                            "an opening quantity needs the warehouse code");
                } else {
                    warehouse = lookups.warehouse(warehouseCode).orElse(null);
                    if (warehouse == null) {
                        c.error("warehouse", "warehouse.unknown", "仓库“" + warehouseCode + "”不存在",
                                "warehouse '" + warehouseCode + "' does not exist");
                    } else if (!warehouse.active()) {
                        c.error("warehouse", "warehouse.inactive", "仓库“" + warehouseCode + "”已停用",
                                "warehouse '" + warehouseCode + "' is closed");
                        warehouse = null;
                    } else if (binCode != null) {
                        bin = lookups.bin(warehouse, binCode).orElse(null);
                        if (bin == null) {
                            c.error("bin", "bin.unknown", "仓库 " + warehouse.code() + " 没有库位“" + binCode + "”",
                                    "warehouse " + warehouse.code() + " has no bin '" + binCode + "'");
                        } else if (!bin.active()) {
                            c.error("bin", "bin.inactive", "库位“" + binCode + "”已停用", "bin '" + binCode
                                    + "' is closed");
                        }
                    }
                }
                if (quantity != null && quantity.signum() <= 0) {
                    c.error("quantity", "out_of_range", "期初数量须大于 0", "the opening quantity must be more than 0");
                }
                if (batchTracked && batchNumber == null) {
                    c.error("batchNumber", "required", "批次管理的配件须填批号", "a batch-tracked part needs a batch number");
                }
                if (!batchTracked && (batchNumber != null || expiresOn != null)) {
                    c.error(batchNumber != null ? "batchNumber" : "expiresOn", "batch.not_tracked",
                            "该配件不按批次管理（批次管理列为“否”），不能填批号或有效期",
                            "the part is not batch-tracked: no batch number or expiry");
                }
                if (expiresOn != null && expiresOn.isBefore(lookups.today())) {
                    c.error("expiresOn", "batch.expired", "有效期已过，不能作为期初库存导入",
                            "the batch has expired: it cannot be imported as opening stock");
                }
            }
            if (c.clean) {
                PartDraft draft = new PartDraft(number, name, brand, category, unit,
                        new Prices(retail, warranty, insurance, internal), taxRate, fitment, batchTracked, decimal);
                good.add(new GoodRow(r.number(), draft, warehouse, bin, quantity, unitCost, batchNumber, expiresOn));
            }
        }
        return new Checked(rows.size(), good, errors);
    }

    /** The Chinese header of a column key. */
    static String zh(String key) {
        return COLUMNS.stream().filter(c -> c.key().equals(key)).map(Column::zh).findFirst().orElse(key);
    }

    static String en(String key) {
        return COLUMNS.stream().filter(c -> c.key().equals(key)).map(Column::en).findFirst().orElse(key);
    }

    /** The cells of one row, read with errors noted against the row. */
    private static final class Cells {
        private final SheetRow row;
        private final List<RowError> errors;
        boolean clean = true;

        Cells(SheetRow row, List<RowError> errors) {
            this.row = row;
            this.errors = errors;
        }

        void error(String key, String code, String zh, String en) {
            clean = false;
            errors.add(new RowError(row.number(), key, code,
                    "第 " + row.number() + " 行「" + zh(key) + "」：" + zh,
                    "row " + row.number() + ", " + en(key) + ": " + en));
        }

        String text(String key, int max, boolean required) {
            String v = row.get(key);
            if (v == null) {
                if (required) {
                    error(key, "required", "不能为空", "is required");
                }
                return null;
            }
            if (v.length() > max) {
                error(key, "too_long", "最多 " + max + " 个字符", "at most " + max + " characters");
                return null;
            }
            return v;
        }

        BigDecimal decimal(String key, int scale, boolean required, String zhWhat, String enWhat) {
            String v = row.get(key);
            if (v == null) {
                if (required) {
                    error(key, "required", "不能为空", "is required");
                }
                return null;
            }
            BigDecimal d = parse(v.replace(",", "").replace("，", "").replace("¥", "").replace("￥", "").strip());
            if (d == null) {
                error(key, "wrong_type", "“" + v + "”不是数字", "'" + v + "' is not a number");
                return null;
            }
            if (d.signum() < 0) {
                error(key, "out_of_range", zhWhat + "不能为负数", enWhat + " cannot be negative");
                return null;
            }
            if (d.stripTrailingZeros().scale() > scale) {
                error(key, "scale", zhWhat + "最多 " + scale + " 位小数", enWhat + " has at most " + scale
                        + " decimals");
                return null;
            }
            if (d.compareTo(new BigDecimal("99999999")) > 0) {
                error(key, "out_of_range", zhWhat + "过大", enWhat + " is too large");
                return null;
            }
            return d;
        }

        BigDecimal money(String key, boolean required) {
            BigDecimal d = decimal(key, 2, required, "价格", "a price");
            return d == null ? null : d.setScale(2);
        }

        BigDecimal taxRate(String key) {
            String v = row.get(key);
            if (v == null) {
                return null;
            }
            String s = v.strip();
            boolean percent = s.endsWith("%") || s.endsWith("％");
            BigDecimal d = parse(percent ? s.substring(0, s.length() - 1).strip() : s);
            if (d == null) {
                error(key, "wrong_type", "“" + v + "”不是税率（如 0.13 或 13%）", "'" + v
                        + "' is not a tax rate (e.g. 0.13 or 13%)");
                return null;
            }
            if (percent || d.compareTo(BigDecimal.ONE) > 0) {
                d = d.movePointLeft(2);
            }
            if (d.signum() < 0 || d.compareTo(BigDecimal.ONE) > 0 || d.stripTrailingZeros().scale() > 4) {
                error(key, "out_of_range", "税率应在 0 到 1 之间（如 0.13），最多 4 位小数",
                        "the tax rate is between 0 and 1 (e.g. 0.13), at most 4 decimals");
                return null;
            }
            return d;
        }

        BigDecimal quantity(String key, boolean decimal) {
            BigDecimal d = decimal(key, 2, false, "数量", "the quantity");
            if (d != null && !decimal && d.stripTrailingZeros().scale() > 0) {
                error(key, "whole_units", "该配件按整数计量（允许小数列为“否”），数量不能有小数",
                        "the part is counted in whole units: no decimals");
                return null;
            }
            if (d != null && d.compareTo(new BigDecimal("999999")) > 0) {
                error(key, "out_of_range", "数量最多 999999", "the quantity is at most 999999");
                return null;
            }
            return d;
        }

        Boolean yesNoOrNull(String key) {
            String v = row.get(key);
            if (v == null) {
                return null;
            }
            return switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "是", "y", "yes", "true", "1", "√", "✓" -> Boolean.TRUE;
            case "否", "n", "no", "false", "0" -> Boolean.FALSE;
            default -> {
                error(key, "wrong_type", "应填“是”或“否”", "must be yes or no");
                yield null;
            }
            };
        }

        boolean yesNo(String key) {
            Boolean b = yesNoOrNull(key);
            return b != null && b;
        }

        LocalDate day(String key) {
            String v = row.get(key);
            if (v == null) {
                return null;
            }
            if (v.strip().matches("\\d{5}(\\.0+)?")) {
                // a date cell without a date format arrives as Excel's day number (1 = 1900-01-01)
                return LocalDate.of(1899, 12, 30).plusDays(Long.parseLong(v.strip().replaceAll("\\..*", "")));
            }
            String s = v.strip().replace('/', '-').replace('.', '-').replace("年", "-").replace("月", "-")
                    .replace("日", "");
            if (s.length() > 10 && s.charAt(10) == 'T') {
                s = s.substring(0, 10);
            }
            try {
                String[] p = s.split("-");
                if (p.length == 3) {
                    return LocalDate.of(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]));
                }
                return LocalDate.parse(s);
            } catch (NumberFormatException | java.time.DateTimeException e) {
                error(key, "wrong_type", "“" + v + "”不是日期（如 2027-06-30）", "'" + v
                        + "' is not a date (e.g. 2027-06-30)");
                return null;
            }
        }

        private static BigDecimal parse(String s) {
            if (s.isEmpty() || !s.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)")) {
                return null;
            }
            return new BigDecimal(s);
        }
    }

    /** The template: the headers, and one example row a user overwrites. */
    static byte[] template() {
        List<String> headers = COLUMNS.stream().map(Column::header).toList();
        List<Object> example = List.of("06L 115 562 B", "机油滤清器", "原厂", "滤清器", "个", new BigDecimal("68.00"), "",
                "", "", "0.13", "EA888 发动机", "否", "否", "ZK", "", new BigDecimal("20"), new BigDecimal("32.5"), "",
                "");
        List<Object> fluid = List.of("G 052 195 M2", "机油 5W-30（升）", "原厂", "油品", "升", new BigDecimal("98.00"), "",
                "", "", "13%", "", "是", "是", "ZK", "", new BigDecimal("208"), new BigDecimal("45"), "B20261101",
                LocalDate.of(2029, 10, 31));
        return Xlsx.write(List.of(new Xlsx.SheetData("配件 Parts", headers, List.of(example, fluid))));
    }

    static Function<String, String> headerZh() {
        return PartsSheet::zh;
    }
}
