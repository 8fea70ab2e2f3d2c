package org.opendms.plugin.membership.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * A count card or package the shop sells (次卡/套餐卡), e.g. five oil services or ten washes.
 *
 * @param operations    the labour operation codes a use pays for (one job per use)
 * @param includesParts whether a use also pays the parts of that job (a package with parts) or labour only
 * @param validMonths   months from the sale until the card expires
 * @param binding       VEHICLE (usable only for the car it was sold for) or CUSTOMER (any of the member's cars)
 */
public record CardProduct(long id, String code, String name, BigDecimal price, int uses, List<String> operations,
        boolean includesParts, int validMonths, String binding, boolean active, long version) {

    public CardProduct {
        operations = List.copyOf(operations);
    }
}
