package org.opendms.plugin.membership.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A count card sold to a member.
 *
 * @param cardNumber the number the cashier enters as the {@code COUNT_CARD} tender's reference, e.g. {@code K00000042}
 * @param vehicleId  the car it is bound to; null when it is the customer's for any car
 * @param expiresOn  the last day it can be used (shop day)
 * @param usesLeft   uses − uses taken + uses put back by reversals
 */
public record CountCard(long id, String cardNumber, long memberId, long productId, String productName,
        List<String> operations, boolean includesParts, Long vehicleId, int uses, int usesLeft, LocalDate expiresOn,
        BigDecimal price, Instant soldAt, String soldBy) {

    public CountCard {
        operations = List.copyOf(operations);
    }
}
