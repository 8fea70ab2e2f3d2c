package org.opendms.parts.api.purchasing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Implemented by a supplier-integration plugin (the manufacturer's parts ordering system, a distributor's API) and
 * registered as an OSGi service. Purchasing hands a sent order to the gateway that {@link #handles handles} its
 * supplier, asks it for availability, and imports its price list through {@link Suppliers#setPrices}. Calls are made
 * outside any transaction; a gateway that throws is logged and the shop's data stays as it was.
 */
@ConsumerType
public interface SupplierGateway {

    /** True when this gateway speaks to the supplier (usually by {@link Supplier#code()}). */
    boolean handles(Supplier supplier);

    /**
     * Transmits a SENT order to the supplier.
     *
     * @return the supplier's reference for the order (shown to the clerk), or null
     */
    String send(Supplier supplier, PurchaseOrder order);

    /** What the supplier can deliver of these part numbers, in the order asked. */
    List<Availability> availability(Supplier supplier, List<String> partNumbers);

    /** The supplier's current price list. */
    List<SupplierPriceDraft> priceList(Supplier supplier);

    /**
     * @param quantity     what the supplier has (null: unknown)
     * @param deliveryDate when it would arrive if ordered today (null: unknown)
     */
    record Availability(String partNumber, BigDecimal quantity, LocalDate deliveryDate, BigDecimal unitPrice) {
    }
}
