package org.opendms.parts.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.opendms.parts.api.Bin;
import org.opendms.parts.api.PartLookup;
import org.opendms.parts.api.Warehouse;
import org.opendms.parts.api.WarehouseKind;
import org.opendms.parts.rest.internal.Xlsx;
import org.opendms.platform.api.DmsException;

class PartsSheetTest {

    static final Warehouse ZK = new Warehouse(1, "ZK", "总库", WarehouseKind.CENTRAL, true, 10, 1);
    static final Bin A032 = new Bin(11, 1, "A-03-2", "A", "03", "2", true);

    static PartsSheet.Lookups lookups() {
        return new PartsSheet.Lookups() {
            @Override
            public Optional<PartLookup> part(String number) {
                return Optional.empty();
            }

            @Override
            public Optional<Warehouse> warehouse(String code) {
                return code.equalsIgnoreCase("ZK") ? Optional.of(ZK) : Optional.empty();
            }

            @Override
            public Optional<Bin> bin(Warehouse warehouse, String code) {
                return code.equalsIgnoreCase("A-03-2") ? Optional.of(A032) : Optional.empty();
            }

            @Override
            public LocalDate today() {
                return LocalDate.of(2026, 12, 2);
            }
        };
    }

    static byte[] sheet(List<List<Object>> rows) {
        List<String> headers = PartsSheet.COLUMNS.stream().map(Xlsx.Column::header).toList();
        return Xlsx.write(List.of(new Xlsx.SheetData("配件", headers, rows)));
    }

    static List<Object> row(Object... cells) {
        List<Object> r = new ArrayList<>(java.util.Arrays.asList(cells));
        while (r.size() < PartsSheet.COLUMNS.size()) {
            r.add(null);
        }
        return r;
    }

    @Test
    void theTemplateItselfPassesEveryCheck() {
        List<Xlsx.SheetRow> rows = Xlsx.read(PartsSheet.template(), PartsSheet.COLUMNS, PartsSheet.REQUIRED);
        PartsSheet.Checked checked = PartsSheet.check(rows, lookups());
        assertEquals(List.of(), checked.errors());
        assertEquals(2, checked.good().size());
        PartsSheet.GoodRow oil = checked.good().get(1);
        assertEquals("G 052 195 M2", oil.draft().number());
        assertTrue(oil.draft().batchTracked());
        assertEquals(0, new BigDecimal("0.13").compareTo(oil.draft().taxRate()), "13% is read as 0.13");
        assertEquals(LocalDate.of(2029, 10, 31), oil.expiresOn());
        assertEquals(0, new BigDecimal("208").compareTo(oil.quantity()));
    }

    @Test
    void everyProblemIsReportedWithItsRowAndColumnInChinese() {
        byte[] file = sheet(List.of(
                row("06L115562B", "机油滤清器", null, null, "个", new BigDecimal("68"), null, null, null, null, null,
                        null, null, "ZK", "A-03-2", new BigDecimal("20"), new BigDecimal("32.5")),
                row("06l 115 562-b", null, null, null, "个", "六十八"),
                row("1K0 698 151", "刹车片", null, null, "套", new BigDecimal("420"), null, null, null, null, null,
                        null, null, "XX", null, new BigDecimal("1.5"))));
        List<Xlsx.SheetRow> rows = Xlsx.read(file, PartsSheet.COLUMNS, PartsSheet.REQUIRED);
        PartsSheet.Checked checked = PartsSheet.check(rows, lookups());
        assertEquals(1, checked.good().size());
        List<String> messages = checked.errors().stream().map(PartsSheet.RowError::message).toList();
        assertTrue(messages.contains("第 3 行「配件号」：与第 2 行的配件号重复"), messages.toString());
        assertTrue(messages.contains("第 3 行「名称」：不能为空"), messages.toString());
        assertTrue(messages.contains("第 3 行「零售价」：“六十八”不是数字"), messages.toString());
        assertTrue(messages.contains("第 4 行「仓库」：仓库“XX”不存在"), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.startsWith("第 4 行「期初数量」：该配件按整数计量")), messages.toString());
        assertTrue(messages.contains("第 4 行「单位成本」：有期初数量时须填单位成本（不含税）"), messages.toString());
        assertTrue(checked.errors().stream().allMatch(e -> e.messageEn().startsWith("row ")));
    }

    @Test
    void anUnknownColumnOrAnOldXlsFileIsRefusedAsAWhole() {
        byte[] file = Xlsx.write(List.of(new Xlsx.SheetData("x", List.of("配件号", "名称", "单位", "零售价", "颜色"),
                List.of(List.of("A1", "x", "个", new BigDecimal("1"), "红")))));
        DmsException e = org.junit.jupiter.api.Assertions.assertThrows(DmsException.class,
                () -> Xlsx.read(file, PartsSheet.COLUMNS, PartsSheet.REQUIRED));
        assertEquals("file.unknown_column", e.violations().get(0).code());
        byte[] xls = new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
                (byte) 0xE1, 0, 0 };
        DmsException old = org.junit.jupiter.api.Assertions.assertThrows(DmsException.class,
                () -> Xlsx.read(xls, PartsSheet.COLUMNS, PartsSheet.REQUIRED));
        assertTrue(old.violations().get(0).messageZh().contains(".xlsx"));
        // three bytes are no workbook: refused as such (the library's header check threw, a 500)
        DmsException tiny = org.junit.jupiter.api.Assertions.assertThrows(DmsException.class,
                () -> Xlsx.read(new byte[] { 'x', 'y', 'z' }, PartsSheet.COLUMNS, PartsSheet.REQUIRED));
        assertEquals("file.type", tiny.violations().get(0).code());
        DmsException missing = org.junit.jupiter.api.Assertions.assertThrows(DmsException.class,
                () -> Xlsx.read(Xlsx.write(List.of(new Xlsx.SheetData("x", List.of("配件号", "名称"), List.of()))),
                        PartsSheet.COLUMNS, PartsSheet.REQUIRED));
        assertEquals("file.missing_column", missing.violations().get(0).code());
    }

    @Test
    void aScannersPrefixAndLineEndAreNotPartOfTheCode() {
        assertEquals("06L115562B", Scans.clean("]Q106L115562B\r\n"));
        assertEquals("BIN:ZK:A-03-2", Scans.clean(" BIN:ZK:A-03-2\t"));
        assertEquals(List.of("ZK", "A-03-2"), List.of(Scans.binLabel("bin:ZK:A-03-2").get()));
        assertTrue(Scans.binLabel("06L115562B").isEmpty());
        assertTrue(Scans.binLabel("BIN:ZK:").isEmpty());
    }
}
