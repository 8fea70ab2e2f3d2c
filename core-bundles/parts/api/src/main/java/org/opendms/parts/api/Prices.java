package org.opendms.parts.api;

import java.math.BigDecimal;

/**
 * A part's price levels (价格体系), yuan per unit with tax, 2 decimals, 0 or more. Retail is required; an absent other
 * level means retail applies.
 *
 * @param retail    what a paying customer pays (零售价)
 * @param warranty  what the manufacturer refunds in a warranty claim (索赔价)
 * @param insurance what the insurer pays in an accident repair (保险价)
 * @param internal  internal work and the shop's own vehicles (内部价)
 */
public record Prices(BigDecimal retail, BigDecimal warranty, BigDecimal insurance, BigDecimal internal) {

    /** Retail only. */
    public static Prices retail(String yuan) {
        return new Prices(new BigDecimal(yuan), null, null, null);
    }

    /** The price of a level; an absent level gives retail. */
    public BigDecimal of(PriceLevel level) {
        BigDecimal p = switch (level) {
        case RETAIL -> retail;
        case WARRANTY -> warranty;
        case INSURANCE -> insurance;
        case INTERNAL -> internal;
        };
        return p == null ? retail : p;
    }
}
