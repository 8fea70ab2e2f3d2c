package org.opendms.settlement.api.payment;

import java.math.BigDecimal;
import java.util.List;

import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Online payments of settlement documents. A payment the provider reports paid (by a verified notification or a
 * query) becomes a tender of the document exactly once: the same notification sent ten times, or a notification and a
 * query at the same moment, change the payment once. A notification that does not verify or does not match (another
 * amount) changes nothing and is recorded.
 */
@ProviderType
public interface OnlinePayments {

    /**
     * Starts an online payment of an open document.
     *
     * @param amount   yuan; null means the whole outstanding amount; less pays part, the cashier takes the rest
     * @param authCode PAYMENT_CODE: the code scanned from the customer's phone
     *
     * @throws DmsException INVALID_INPUT {@code provider} unknown, {@code amount} over the outstanding amount,
     *                      {@code authCode}; CONFLICT {@code settlementId} {@code settlement.not_open}, a payment
     *                      already pending for the document; UNAVAILABLE when the provider cannot be reached
     */
    OnlinePayment start(long settlementId, String provider, PaymentScene scene, BigDecimal amount, String authCode,
            Actor actor);

    /** @throws DmsException NOT_FOUND */
    OnlinePayment get(long id, Actor actor);

    /** The document's online payments, oldest first. */
    List<OnlinePayment> forSettlement(long settlementId, Actor actor);

    /** Asks the provider now (when a notification is late) and applies what it says, like a notification. */
    OnlinePayment refresh(long id, Actor actor);

    /**
     * Closes a pending payment the customer will not pay (walked away, paid in cash instead): the provider closes it,
     * so it can never be paid later, and the document may be paid again. When the customer paid at the last moment,
     * the payment is taken as paid instead. @since 1.1
     *
     * @throws DmsException CONFLICT {@code status} {@code payment.not_pending} when it is no longer pending;
     *                      UNAVAILABLE when the provider cannot be reached or cannot close (nothing changed)
     */
    OnlinePayment close(long id, Actor actor);

    /**
     * A notification as the provider sent it, without a login: its signature is its authentication.
     *
     * @throws DmsException INVALID_INPUT naming the signature header when it does not verify (recorded), NOT_FOUND
     *                      {@code provider}
     */
    NotificationOutcome notify(String provider, Notification notification);

    /**
     * Gives money back through the provider (after a reversal, or a payment taken twice).
     *
     * @throws DmsException INVALID_INPUT {@code amount} over what is left, {@code reason}; CONFLICT {@code status}
     *                      when nothing was paid
     */
    OnlinePayment refund(long id, BigDecimal amount, String reason, Actor actor);

    /** The providers running now: code and names. */
    List<ProviderOption> providers();

    /** A provider the cashier may choose. */
    record ProviderOption(String code, String nameZh, String nameEn, String tenderMethod) {
    }
}
