package org.opendms.customer.api;

import java.time.LocalDate;

/**
 * A search over the personal-data access record; every part given must match, null ones match everything.
 *
 * @param actor      the user who read, changed or searched, exactly
 * @param from       on or after this shop-local day
 * @param to         on or before this shop-local day
 * @param action     one kind of access
 * @param customerId one customer's reads and changes (searches name no customer)
 */
public record PersonalDataAccessQuery(String actor, LocalDate from, LocalDate to, PersonalDataAccess.Action action,
        Long customerId) {

    public static PersonalDataAccessQuery all() {
        return new PersonalDataAccessQuery(null, null, null, null, null);
    }
}
