package org.opendms.settlement.payment;

import java.math.BigDecimal;

/** Yuan (2 decimals) to fen and back: the providers count fen. */
final class Fen {

    private Fen() {
    }

    static long of(BigDecimal yuan) {
        return yuan.movePointRight(2).longValueExact();
    }

    static BigDecimal yuan(long fen) {
        return BigDecimal.valueOf(fen, 2);
    }
}
