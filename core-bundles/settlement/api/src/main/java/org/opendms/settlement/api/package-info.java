/**
 * Published settlement API (结算): {@link org.opendms.settlement.api.Settlements} builds a completed work order's
 * documents, one per payer ({@link org.opendms.settlement.api.Payer}), takes payment in several tenders at once, and
 * reverses a paid document (红冲) by a new one; {@link org.opendms.settlement.api.Deposits} (订金) and
 * {@link org.opendms.settlement.api.CreditAccounts} (挂账) are the money held for a customer and owed by one. Plugins
 * add tenders (stored value, points, coupons) by registering a {@link org.opendms.settlement.api.TenderProvider}, and
 * hear of settled and reversed documents through {@code org.opendms.settlement.api.event.SettlementListener}.
 * <p>
 * Amounts are yuan as {@link java.math.BigDecimal} with 2 decimals (fen), never floating point. Line prices are net of
 * VAT, as on the work order: a document's VAT is its net × the work order's VAT rate, rounded HALF_UP to the fen once.
 * <p>
 * 1.0.0: the first version.
 * <p>
 * 1.1.0: {@link org.opendms.settlement.api.CreditStatements}: monthly statements of credit accounts, receipts against
 * them, ageing; on account past due needs the manager. {@link org.opendms.settlement.api.CashUps}: each cashier's day
 * (交班/日结), counted cash, variance, closed by the manager.
 * <p>
 * 1.2.0: {@link org.opendms.settlement.api.Settlements#openAfterDelivery()}: the bills still to collect of cars let go
 * to pay later.
 * <p>
 * 1.3.0: {@link org.opendms.settlement.api.Settlements#availableTenders}: what each plugin tender holds for a bill.
 * <p>
 * 1.4.0: plugins give price benefits on the customer's bill ({@link org.opendms.settlement.api.BenefitProvider}, a
 * member tier's discount), named on the document ({@link org.opendms.settlement.api.Settlement#benefits()}), and tell
 * the cashier's day what they took outside settlements ({@link org.opendms.settlement.api.CashTakings}: top-ups, cards
 * sold).
 */
@Export
@Version("1.4.0")
package org.opendms.settlement.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
