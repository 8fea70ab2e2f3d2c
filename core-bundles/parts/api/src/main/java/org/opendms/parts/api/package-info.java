/**
 * Published parts API (配件): the catalogue ({@link org.opendms.parts.api.Catalogue}: part numbers, prices,
 * supersession), {@link org.opendms.parts.api.Warehouses} and their bins, {@link org.opendms.parts.api.Stock} (on hand,
 * reserved, available per part × warehouse × bin, min/max, batches with expiry), the insert-only
 * {@link org.opendms.parts.api.StockLedger} through which every quantity changes (receipt, issue to a work-order line,
 * return, stocktake adjustment, return to supplier, old part kept), {@link org.opendms.parts.api.Transfers} between
 * warehouses (in transit until received) and {@link org.opendms.parts.api.Reservations} for work-order lines.
 * <p>
 * Rules every service keeps: on hand never goes below 0, also under concurrent requests; every movement is a ledger row
 * that is never changed, written in the same transaction as the stock it moves, with its cost (moving average per part
 * and warehouse); a refused request is a {@code DmsException} naming the field in Chinese and English and changes
 * nothing; every change is in the audit trail. Quantities have at most 2 decimals (litres of oil), money 2 decimals
 * (yuan), unit costs 4. Who may call what is the platform's permission table ({@code parts.*}); costs are shown only
 * to roles with {@code parts.cost.read}. Plugins listen through {@code org.opendms.parts.api.event.PartsListener}.
 */
@Export
@Version("1.0.0")
package org.opendms.parts.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
