package org.opendms.printing.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.opendms.workorder.api.VisitType;

class GuaranteesTest {

    private static final PrintingConfig DEFAULTS = defaults();

    /** The configuration as shipped: every attribute at its default. */
    static PrintingConfig defaults() {
        return (PrintingConfig) java.lang.reflect.Proxy.newProxyInstance(PrintingConfig.class.getClassLoader(),
                new Class<?>[] { PrintingConfig.class }, (proxy, method, args) -> method.getDefaultValue());
    }

    @Test
    void maintenanceGetsTwoThousandKmOrTenDaysByDefault() {
        Guarantees g = new Guarantees(DEFAULTS.guarantees(), DEFAULTS.repairClasses());
        assertEquals(new Visit.Guarantee("一级维护", 2000, 10), g.of(Set.of(VisitType.MAINTENANCE)));
    }

    @Test
    void aVisitOfSeveralTypesGetsTheLongestGuarantee() {
        Guarantees g = new Guarantees(DEFAULTS.guarantees(), DEFAULTS.repairClasses());
        assertEquals(new Visit.Guarantee("总成修理", 20000, 100),
                g.of(Set.of(VisitType.MAINTENANCE, VisitType.ACCIDENT)));
    }

    @Test
    void aShopMayMakeMaintenanceASecondLevelService() {
        Guarantees g = new Guarantees(DEFAULTS.guarantees(), new String[] { "MAINTENANCE=二级维护" });
        assertEquals(new Visit.Guarantee("二级维护", 5000, 30), g.of(Set.of(VisitType.MAINTENANCE)));
    }

    @Test
    void refusesAPeriodThatIsNotKmSlashDays() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Guarantees(new String[] { "小修=2000" }, new String[0]));
        assertEquals("guarantees: \"小修=2000\" is not class=km/days", e.getMessage());
    }

    @Test
    void capitalNumeralsSayTheAmountToTheFen() {
        assertEquals("柒佰贰拾壹元整", Money.chinese(new BigDecimal("721.00")));
        assertEquals("壹仟零伍元叁角整", Money.chinese(new BigDecimal("1005.30")));
        assertEquals("壹万零伍元零捌分", Money.chinese(new BigDecimal("10005.08")));
        assertEquals("壹拾万元整", Money.chinese(new BigDecimal("100000")));
        assertEquals("零元整", Money.chinese(BigDecimal.ZERO));
    }
}
