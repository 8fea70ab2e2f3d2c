package org.opendms.parts.api;

import java.time.Instant;
import java.util.List;

/** Ledger rows posted together, all or none, in the order of the draft lines. */
public record Posting(long id, List<StockMovement> movements, String username, Instant at) {

    public Posting {
        movements = List.copyOf(movements);
    }
}
