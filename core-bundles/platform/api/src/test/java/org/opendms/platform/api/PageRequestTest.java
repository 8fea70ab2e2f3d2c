package org.opendms.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PageRequestTest {

    @Test
    void theLargestPageNumberIsRefusedNamingPageInsteadOfOverflowingTheOffset() {
        DmsException e = assertThrows(DmsException.class, () -> PageRequest.of(Integer.MAX_VALUE, 200));
        assertEquals(DmsException.Kind.INVALID_INPUT, e.kind());
        assertEquals("page", e.violations().get(0).field());
        assertEquals("out_of_range", e.violations().get(0).code());
        assertTrue(e.violations().get(0).messageEn().contains("at most 50000"), e.violations().get(0).messageEn());
    }

    @Test
    void theLastPageWithinTheOffsetLimitIsServedAndItsOffsetIsExact() {
        PageRequest last = PageRequest.of(PageRequest.lastPage(200), 200);
        assertEquals(10_000_000, last.offset());
        assertThrows(DmsException.class, () -> PageRequest.of(PageRequest.lastPage(200) + 1, 200));
    }

    @Test
    void sizeAndNegativePageAreRefusedTogetherEvenWhenBuiltDirectly() {
        DmsException e = assertThrows(DmsException.class, () -> new PageRequest(-1, 0));
        assertEquals(2, e.violations().size());
        assertThrows(DmsException.class, () -> new PageRequest(0, PageRequest.MAX_SIZE + 1));
        assertEquals(new PageRequest(0, PageRequest.DEFAULT_SIZE), PageRequest.of(null, null));
    }
}
