package org.opendms.parts.api.purchasing;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What a supplier charges for a part (without VAT), from a day on: the price a purchase order line takes when the
 * clerk gives none.
 *
 * @param supplierPartNumber the supplier's own number for the part, if it differs
 * @param unitPrice          yuan per unit, up to 4 decimals
 * @param minOrderQuantity   the smallest quantity the supplier ships (null: any)
 * @param validFrom          the first day the price holds
 */
public record SupplierPrice(long supplierId, long partId, String partNumber, String supplierPartNumber,
        BigDecimal unitPrice, BigDecimal minOrderQuantity, LocalDate validFrom) {
}
