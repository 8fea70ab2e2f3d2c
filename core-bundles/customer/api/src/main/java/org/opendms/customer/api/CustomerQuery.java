package org.opendms.customer.api;

import java.util.Set;

/**
 * A search over customers.
 *
 * @param text       matched against the name (contains) and, when it is at least 4 digits, the mobile (contains,
 *                   so "1234" finds numbers ending 1234); blank matches everyone
 * @param orAmongIds customers found another way (e.g. owners of a matching plate) that are also results
 */
public record CustomerQuery(String text, Set<Long> orAmongIds) {

    public CustomerQuery {
        orAmongIds = orAmongIds == null ? Set.of() : Set.copyOf(orAmongIds);
    }

    public static CustomerQuery text(String text) {
        return new CustomerQuery(text, Set.of());
    }
}
