package org.opendms.parts.api.purchasing;

import java.util.List;
import java.util.Optional;

import org.opendms.platform.api.Actor;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Alerts and analysis of the stock (permission {@code parts.analysis.read}; values only for roles with
 * {@code parts.cost.read}, else null).
 */
@ProviderType
public interface StockAnalysis {

    /**
     * Parts below their minimum or above their maximum, and batches expiring within {@code expiryDays} days (or
     * expired), in a warehouse (all when null).
     */
    List<StockLevelAlert> alerts(Long warehouseId, int expiryDays, Actor actor);

    /** Stock on hand that has not moved for {@code months} months (1–120), most valuable first. */
    List<DeadStock> deadStock(Long warehouseId, int months, Actor actor);

    /**
     * Computes the ABC classification now from the issue cost of the last {@code months} months (1–36) and keeps it
     * (permission {@code parts.analysis.compute}).
     */
    AbcClassification classify(int months, Actor actor);

    /** The last classification kept, if any. */
    Optional<AbcClassification> classification(Actor actor);
}
