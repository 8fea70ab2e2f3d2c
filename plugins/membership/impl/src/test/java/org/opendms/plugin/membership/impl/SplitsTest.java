package org.opendms.plugin.membership.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class SplitsTest {

    static BigDecimal y(String s) {
        return new BigDecimal(s);
    }

    static Splits.Split split(String principal, String bonus) {
        return new Splits.Split(y(principal), y(bonus));
    }

    @Test
    void aPaymentTakesPrincipalAndBonusByTheShopsOrder() {
        // 1,000 + 100: 200 is 181.82 + 18.18 in proportion
        assertEquals(split("181.82", "18.18"),
                Splits.payment(y("200"), y("1000"), y("100"), Splits.Order.PROPORTIONAL));
        assertEquals(split("200.00", "0.00"),
                Splits.payment(y("200"), y("1000"), y("100"), Splits.Order.PRINCIPAL_FIRST));
        assertEquals(split("100.00", "100.00"),
                Splits.payment(y("200"), y("1000"), y("100"), Splits.Order.BONUS_FIRST));
        // principal nearly gone: the rest from the bonus
        assertEquals(split("50.00", "20.00"),
                Splits.payment(y("70"), y("50"), y("100"), Splits.Order.PRINCIPAL_FIRST));
        // the whole balance, whatever the rounding
        assertEquals(split("0.01", "0.02"), Splits.payment(y("0.03"), y("0.01"), y("0.02"), Splits.Order.PROPORTIONAL));
    }

    @Test
    void puttingBackFollowsThePaymentAndTheLastPartReturnsWhatIsLeft() {
        Splits.Split paid = split("181.82", "18.18");
        Splits.Split first = Splits.back(y("100"), paid, split("0", "0"));
        assertEquals(split("90.91", "9.09"), first);
        assertEquals(split("90.91", "9.09"), Splits.back(y("100"), paid, first));
    }

    @Test
    void aRefundForfeitsTheSameShareOfTheBonus() {
        assertEquals(y("50.00"), Splits.bonusForfeited(y("500"), y("1000"), y("100")));
        assertEquals(y("100.00"), Splits.bonusForfeited(y("1000"), y("1000"), y("100")));
    }

    @Test
    void theBonusRuleGivesTheLargestStepReached() {
        var rule = Splits.rule("500:30, 1000:100,2000:300");
        assertEquals(y("0.00"), Splits.bonusFor(y("499.99"), rule));
        assertEquals(y("30.00"), Splits.bonusFor(y("999"), rule));
        assertEquals(y("100.00"), Splits.bonusFor(y("1000"), rule));
        assertEquals(y("300.00"), Splits.bonusFor(y("5000"), rule));
        assertThrows(IllegalArgumentException.class, () -> Splits.rule("500=30"));
        assertThrows(IllegalArgumentException.class, () -> Splits.rule("0:30"));
    }
}
