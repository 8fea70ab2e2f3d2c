package org.opendms.customer.api;

import java.time.Instant;

import org.opendms.platform.api.Channel;

/**
 * One line of the personal-data access record across customers, as the manager reads it.
 *
 * @param customerId the customer read or changed; null for a search
 * @param field      the field read or changed ({@code mobile}, {@code name}); for a search, the request field the
 *                   text came from ({@code q} of the customer search, {@code customer} of the work-order search)
 * @param searched   for a search, what was searched, masked ({@link SearchText#masked}); else null
 * @param results    for a search, how many customers it found; else null
 */
public record PersonalDataAccessEntry(long id, Long customerId, String field, PersonalDataAccess.Action action,
        String searched, Long results, String actor, Channel channel, Instant at) {
}
