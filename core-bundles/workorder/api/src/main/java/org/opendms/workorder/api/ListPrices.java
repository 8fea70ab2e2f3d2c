package org.opendms.workorder.api;

import java.math.BigDecimal;
import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The hook for "the list price of this line" (目录价/指导价): a parts price list (or a plugin with its own labour
 * rates) registers this service, and {@link PriceAuthority} holds every line to it. A unit price below the list price
 * needs the service manager. Without an answer, a labour line's list price is the rate of its job's pay type in the
 * configured labour rate table, and other lines have none (only the discount limit applies to them).
 */
@ConsumerType
public interface ListPrices {

    /**
     * The list price per unit of a line, yuan with at most 2 decimals; empty when this source does not price it.
     *
     * @param type        the line's type
     * @param code        the operation code or part number as stored (may be null for SUBLET and FEE)
     * @param stockItemId the stock item a part line names; may be null
     * @param payType     who pays the line's job
     */
    Optional<BigDecimal> listPrice(LineType type, String code, Long stockItemId, PayType payType);
}
