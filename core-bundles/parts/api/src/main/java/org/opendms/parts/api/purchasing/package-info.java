/**
 * Purchasing (采购) and stock control: suppliers with their lead times, terms and prices per part; purchase orders
 * (draft, sent, partly received, received, cancelled) and receiving against them into the parts ledger, all of a
 * receipt or nothing; order suggestions from min/max, reorder point and open demand, beside each part's demand forecast
 * with its
 * measured error; alerts and analysis (below
 * minimum, above maximum, expiring batches, dead stock, ABC classification).
 * <p>
 * Supplier-integration plugins implement {@link org.opendms.parts.api.purchasing.SupplierGateway} (send an order, ask
 * availability, fetch a price list); listeners implement {@link org.opendms.parts.api.purchasing.PurchasingListener}.
 * Every refusal is an {@code org.opendms.platform.api.DmsException} naming the field, in Chinese and English, and
 * changes nothing.
 */
@Export
@Version("1.2.0")
package org.opendms.parts.api.purchasing;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
