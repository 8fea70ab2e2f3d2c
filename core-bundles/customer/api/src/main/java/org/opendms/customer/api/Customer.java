package org.opendms.customer.api;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A customer as every screen and plugin sees it. The mobile is masked (138****1234): the full number is only
 * given by {@link CustomerService#revealMobile}, which checks the role and records the access.
 *
 * @param masked the fields this reader's role may not see ({@link CustomerField#json()} names, in the enum's order):
 *               each is {@code null} here whether or not the customer has a value, so a screen shows "hidden" rather
 *               than "none"; empty when nothing is hidden
 */
public record Customer(long id, CustomerType type, String name, String mobileMasked, String wechatId,
        String address, List<String> tags, boolean marketingConsent, Instant marketingConsentAt, String note,
        Instant createdAt, String createdBy, Instant updatedAt, String updatedBy, long version, List<String> masked) {

    public Customer {
        tags = tags == null ? List.of() : List.copyOf(tags);
        masked = masked == null ? List.of() : List.copyOf(masked);
    }

    /** A customer as in 2.0, every field shown. */
    public Customer(long id, CustomerType type, String name, String mobileMasked, String wechatId, String address,
            List<String> tags, boolean marketingConsent, Instant marketingConsentAt, String note, Instant createdAt,
            String createdBy, Instant updatedAt, String updatedBy, long version) {
        this(id, type, name, mobileMasked, wechatId, address, tags, marketingConsent, marketingConsentAt, note,
                createdAt, createdBy, updatedAt, updatedBy, version, List.of());
    }

    /** This customer with the given fields set to {@code null} and named in {@link #masked()}. */
    public Customer without(Set<CustomerField> hidden) {
        if (hidden.isEmpty()) {
            return this;
        }
        List<String> names = java.util.Arrays.stream(CustomerField.values())
                .filter(f -> hidden.contains(f) || masked.contains(f.json())).map(CustomerField::json).toList();
        return new Customer(id, type, name, hidden.contains(CustomerField.MOBILE) ? null : mobileMasked,
                hidden.contains(CustomerField.WECHAT_ID) ? null : wechatId,
                hidden.contains(CustomerField.ADDRESS) ? null : address, tags, marketingConsent, marketingConsentAt,
                hidden.contains(CustomerField.NOTE) ? null : note, createdAt, createdBy, updatedAt, updatedBy, version,
                names);
    }
}
