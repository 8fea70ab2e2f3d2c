package org.opendms.parts.api.purchasing;

import java.util.List;

import org.opendms.platform.api.Actor;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What a warehouse should order (补货建议) from min/max, reorder point, on-hand, reservations, what is already on order
 * and open special orders (permission {@code parts.po.read}; turning them into an order {@code parts.po.edit}).
 */
@ProviderType
public interface OrderSuggestions {

    /** The warehouse's suggestions, by part number; computed now, never stored. */
    List<OrderSuggestion> suggest(long warehouseId, Actor actor);

    /**
     * Every part the warehouse issued in the last two years with next month's demand forecast and the error of its
     * method on the part's own history ({@link PartDemand}), by part number; computed now, never stored.
     *
     * @since 1.2
     */
    List<PartDemand> demand(long warehouseId, Actor actor);

    /**
     * One step from suggestions to a DRAFT purchase order to the supplier: the given lines (all of that supplier's
     * current suggestions when empty or null) at the supplier's prices. A part without a price from the supplier is
     * refused ({@code price.unknown}, field {@code lines[i].unitPrice}).
     */
    PurchaseOrder toPurchaseOrder(long warehouseId, long supplierId, List<SuggestedLine> lines, Actor actor);
}
