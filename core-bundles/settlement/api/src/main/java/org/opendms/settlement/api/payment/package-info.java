/**
 * Online payment (在线支付): the cashier shows the customer a QR code (Native) or scans the customer's payment code
 * (付款码), the provider (WeChat Pay, Alipay, an aggregator) tells the shop when it is paid, and the payment becomes a
 * tender of the settlement document exactly once.
 * <p>
 * {@link org.opendms.settlement.api.payment.OnlinePayments} is the platform's side (consumed by REST, the console and
 * plugins); a provider's driver implements {@link org.opendms.settlement.api.payment.PaymentProvider} and registers
 * it as a service. A driver speaks the provider's protocol only: it signs requests, checks the signature of
 * everything the provider sends, and reports what the provider says; the platform keeps the records, the states and
 * the idempotence.
 * <p>
 * Amounts across the SPI are fen ({@code long}), as every provider's protocol counts them; the platform's records
 * keep yuan as {@link java.math.BigDecimal}.
 * <p>
 * 1.0.0: the first version. 1.1.0: closing a pending payment (关单).
 */
@Export
@Version("1.1.0")
package org.opendms.settlement.api.payment;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
