package org.opendms.platform.api.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javax.persistence.OptimisticLockException;
import javax.persistence.RollbackException;

import org.junit.jupiter.api.Test;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Violation;

class StaleVersionTest {

    @Test
    void refusesAnOldVersionNamingBothVersionsInChineseAndEnglish() {
        DmsException e = assertThrows(DmsException.class, () -> StaleVersion.check(4, 3, "客户资料", "the customer"));
        assertEquals(DmsException.Kind.CONFLICT, e.kind());
        Violation v = e.violations().get(0);
        assertEquals("version", v.field());
        assertEquals("stale_version", v.code());
        assertEquals("客户资料已被他人修改（当前版本 4，您修改的是版本 3），请重新读取后再改", v.messageZh());
        assertEquals(
                "the customer was changed by someone else (now version 4, you edited version 3); re-read and try again",
                v.messageEn());
    }

    @Test
    void theVersionReadPassesAndAnOptimisticLockFailureIsRecognisedUnderARollback() {
        StaleVersion.check(3, 3, "客户资料", "the customer");
        assertTrue(StaleVersion.isOptimisticLock(new RollbackException(new OptimisticLockException("row changed"))));
    }
}
