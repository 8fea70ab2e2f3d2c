package org.opendms.parts.api.purchasing;

import java.time.Instant;

/**
 * A supplier (供应商): the manufacturer's parts centre, a distributor, a local trader.
 *
 * @param code         the shop's short code, unique, upper case (e.g. {@code FAW-VW})
 * @param leadTimeDays days from sending an order to its arrival, used by the order suggestions
 * @param paymentTerms e.g. 月结30天, 货到付款
 * @param active       an inactive supplier takes no new orders
 */
public record Supplier(long id, String code, String name, String contactPerson, String phone, String email,
        String address, int leadTimeDays, String paymentTerms, boolean active, String note, Instant createdAt,
        String createdBy, Instant updatedAt, String updatedBy, long version) {
}
