/**
 * Published invoicing API (发票): {@link org.opendms.invoicing.api.Invoices} records the customer's request for a VAT
 * invoice of a settled document (增值税普通发票 ORDINARY or 增值税专用发票 SPECIAL), the invoice's number and date when it
 * is issued, and its voiding (作废). Amounts always come from the settlement document, never typed.
 * <p>
 * Issuing goes through an invoice provider ({@code org.opendms.invoicing.api.provider.InvoiceProvider}, a 数电票
 * driver) when one runs; otherwise the cashier issues in the shop's tax software (the requests are exported for it)
 * and records the number by hand. Plugins hear of requested, issued and voided invoices through
 * {@code org.opendms.invoicing.api.event.InvoiceListener}.
 * <p>
 * 1.0.0: the first version.
 */
@Export
@Version("1.0.0")
package org.opendms.invoicing.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
