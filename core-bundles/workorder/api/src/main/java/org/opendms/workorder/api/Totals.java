package org.opendms.workorder.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;

/**
 * Net, VAT and gross amounts in yuan with 2 decimals.
 * <p>
 * The rule, for a job and for the whole work order alike: each line's net is rounded HALF_UP to the fen first; the
 * net is the sum of those line nets; the VAT is net × VAT rate rounded HALF_UP to the fen once, on that sum (not per
 * line); gross = net + VAT. So a work order's VAT is computed on its total net and may differ by a fen from the sum of
 * its jobs' VAT.
 */
public record Totals(BigDecimal net, BigDecimal vat, BigDecimal gross) {

    /** Totals of line nets (already rounded to the fen) at a VAT rate such as 0.13. */
    public static Totals of(Collection<BigDecimal> lineNets, BigDecimal vatRate) {
        BigDecimal net = lineNets.stream().reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.HALF_UP);
        BigDecimal vat = net.multiply(vatRate).setScale(2, RoundingMode.HALF_UP);
        return new Totals(net, vat, net.add(vat));
    }
}
