package org.opendms.customer.api.event;

import java.time.Instant;
import java.util.Objects;

import org.opendms.customer.api.Customer;
import org.opendms.platform.api.ChangeKind;

/**
 * A customer was created or changed. The records carry the masked mobile only, like every {@link Customer}.
 *
 * @param before   the customer before the change; null when {@code kind} is CREATED
 * @param after    the customer as committed
 * @param username who made the change
 * @param at       when it was committed
 */
public record CustomerEvent(ChangeKind kind, Customer before, Customer after, String username, Instant at) {
    public CustomerEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(at, "at");
    }
}
