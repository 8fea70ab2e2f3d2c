package org.opendms.plugin.membership.api;

import java.math.BigDecimal;
import java.util.List;

/** A count card product as the manager defines it; see {@link CardProduct}. {@code active} null: true. */
public record CardProductDraft(String code, String name, BigDecimal price, Integer uses, List<String> operations,
        Boolean includesParts, Integer validMonths, String binding, Boolean active) {
}
