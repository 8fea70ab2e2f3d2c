package org.opendms.customer.api;

import java.time.Instant;

import org.opendms.platform.api.Channel;

/** One record of who read or changed a customer's personal data (PIPL: keep who accessed it). */
public record PersonalDataAccess(long customerId, String field, Action action, String actor, Channel channel,
        Instant at) {

    public enum Action {
        CREATE, READ, UPDATE,
        /** A search by personal data (name, mobile, plate): recorded once per search, not per customer found. */
        SEARCH
    }
}
