package org.opendms.parts.api.purchasing;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A price to record for a part, named by its catalogue number (scanned codes and any spelling of the number are
 * accepted) or id. {@code validFrom} null means today.
 */
public record SupplierPriceDraft(Long partId, String partNumber, String supplierPartNumber, BigDecimal unitPrice,
        BigDecimal minOrderQuantity, LocalDate validFrom) {
}
