package org.opendms.parts.api.stocktake;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * Something committed happened to a stocktake.
 *
 * @param status        a {@link StocktakeStatus} name, after the event
 * @param varianceValue posted: the value of the variances posted, yuan; otherwise null
 */
public record StocktakeEvent(long stocktakeId, String number, long warehouseId, String status,
        BigDecimal varianceValue, String username, Instant at) {
    public StocktakeEvent {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
    }
}
