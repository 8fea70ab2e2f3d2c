package org.opendms.customer.api;

import java.time.Instant;
import java.util.List;

/**
 * A customer as every screen and plugin sees it. The mobile is masked (138****1234): the full number is only
 * given by {@link CustomerService#revealMobile}, which checks the role and records the access.
 */
public record Customer(long id, CustomerType type, String name, String mobileMasked, String wechatId,
        String address, List<String> tags, boolean marketingConsent, Instant marketingConsentAt, String note,
        Instant createdAt, String createdBy, Instant updatedAt, String updatedBy, long version) {

    public Customer {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
