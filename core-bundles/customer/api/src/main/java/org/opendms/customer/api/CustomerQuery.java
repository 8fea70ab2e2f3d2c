package org.opendms.customer.api;

import java.util.Set;

/**
 * A search over customers.
 *
 * @param text         matched against the name (contains) and, when it is at least 4 digits, the mobile's tail
 *                     ("1234" finds numbers ending 1234, not those holding 1234 elsewhere) or, from 7 digits, its
 *                     start; blank matches everyone
 * @param orAmongIds   customers found another way (e.g. owners of a matching plate) that are also results
 * @param mobileDigits whether digits may match part of a mobile; {@link CustomerService#search(CustomerQuery,
 *                     org.opendms.platform.api.PageRequest, org.opendms.platform.api.Actor)} turns it off for roles
 *                     without
 *                     {@code customer.search.mobile-digits} unless the text is a whole mobile
 * @param field        the request field the text came from ({@code q}, {@code customer}), named in the personal-data
 *                     access record
 */
public record CustomerQuery(String text, Set<Long> orAmongIds, boolean mobileDigits, String field) {

    public CustomerQuery {
        orAmongIds = orAmongIds == null ? Set.of() : Set.copyOf(orAmongIds);
        field = field == null || field.isBlank() ? "q" : field;
    }

    /** A search as in 2.0: digits match part of a mobile. */
    public CustomerQuery(String text, Set<Long> orAmongIds) {
        this(text, orAmongIds, true, "q");
    }

    public static CustomerQuery text(String text) {
        return new CustomerQuery(text, Set.of());
    }
}
