package org.opendms.customer.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SearchTextTest {

    /** The record keeps a search's length and shape, never the digits or name that were typed. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "13812341234|138****1234", "+86 138-1234-1234|138****1234", "张伟|张*",
            "欧阳修远|欧***", "1234|1***", "1381234|1******", "13812341|1***2341", "138123412|1****3412",
            "京A·12345|京***2345", "' 王 '|王", "x|x" })
    void masksWhatWasSearched(String typed, String recorded) {
        assertEquals(recorded, SearchText.masked(typed));
    }

    @Test
    void nothingTypedIsRecordedAsNothing() {
        assertEquals("", SearchText.masked(null));
        assertEquals("", SearchText.masked("  "));
    }

    @Test
    void onlyAWholeMobileIsOne() {
        assertEquals("13812341234", SearchText.wholeMobile(" +86 138 1234 1234 ").value());
        assertNull(SearchText.wholeMobile("1381234123"));
        assertNull(SearchText.wholeMobile("张伟"));
        assertNull(SearchText.wholeMobile(null));
    }

    /** A hidden field is null whether or not it has a value, and named in masked in one order. */
    @Test
    void aCustomerWithoutSomeFieldsNamesThemInMaskedAndKeepsTheRest() {
        Instant at = Instant.parse("2026-12-01T02:00:00Z");
        Customer full = new Customer(7, CustomerType.PERSON, "张伟", "138****1234", "zhangwei_88", "北京市朝阳区",
                List.of("VIP"), true, at, null, at, "advisor", at, "advisor", 3);
        assertEquals(List.of(), full.masked());
        assertEquals(full, full.without(Set.of()));

        Customer seen = full.without(Set.of(CustomerField.NOTE, CustomerField.MOBILE));
        assertEquals(List.of("mobileMasked", "note"), seen.masked());
        assertNull(seen.mobileMasked());
        assertNull(seen.note());
        assertEquals("zhangwei_88", seen.wechatId());
        assertEquals("北京市朝阳区", seen.address());
        assertEquals(List.of("VIP"), seen.tags());
        assertEquals(3, seen.version());

        Customer twice = seen.without(Set.of(CustomerField.ADDRESS));
        assertEquals(List.of("mobileMasked", "address", "note"), twice.masked());
    }
}
