package org.opendms.parts.api.purchasing;

import java.util.List;

import org.opendms.platform.api.Actor;
import org.opendms.platform.api.Page;
import org.opendms.platform.api.PageRequest;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Suppliers and their prices per part (permissions {@code parts.supplier.read}, {@code parts.supplier.edit}). A change
 * takes the version read; a stale one is refused with code {@code stale_version}.
 */
@ProviderType
public interface Suppliers {

    /** A new supplier; a code already used is a CONFLICT {@code supplier.duplicate_code}. */
    Supplier create(SupplierDraft draft, Actor actor);

    Supplier update(long id, long expectedVersion, SupplierDraft draft, Actor actor);

    Supplier get(long id);

    /** Suppliers whose code or name contains {@code text} (all when blank), active ones only unless asked. */
    Page<Supplier> search(String text, boolean includeInactive, PageRequest page);

    /**
     * Records prices (a price list, or one price): a part's later price from the same day replaces the earlier one;
     * every price is checked before any is stored.
     *
     * @return the prices as stored
     */
    List<SupplierPrice> setPrices(long supplierId, List<SupplierPriceDraft> prices, Actor actor);

    /** The supplier's prices valid today, one per part, by part number. */
    List<SupplierPrice> prices(long supplierId);

    /** Every supplier's price of a part valid today, cheapest first. */
    List<SupplierPrice> pricesOfPart(long partId);
}
