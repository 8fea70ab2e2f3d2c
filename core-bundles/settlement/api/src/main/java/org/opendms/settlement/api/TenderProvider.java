package org.opendms.settlement.api;

import java.math.BigDecimal;
import java.util.Optional;

import org.opendms.platform.api.DmsException;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A tender a plugin adds (储值卡 stored value, 积分 points, 次卡 count cards, 优惠券 coupons): registered as a service,
 * it appears among {@link Settlements#tenderOptions()} and a payment may name its {@link #method()}.
 * <p>
 * A payment runs in one transaction of the settlement's database. Core checks and stores its own tenders first, then
 * calls {@link #take} for each plugin tender inside that transaction: a take that throws fails the whole payment and
 * nothing of it is stored (tenders already taken by other providers are {@link #cancel cancelled}). If the payment
 * fails after a take succeeded (a later tender, the commit), {@link #cancel} is called with what {@code take}
 * returned. A reversal calls {@link #refund} likewise within its own transaction.
 */
@ConsumerType
public interface TenderProvider {

    /** The code a payment names, upper case, unique among providers, e.g. {@code STORED_VALUE}; not a core method. */
    String method();

    String nameZh();

    String nameEn();

    /**
     * How much this tender could pay of the document now (e.g. the customer's stored value balance), for the payment
     * dialog; empty when it cannot be used for this document at all.
     */
    Optional<BigDecimal> available(TenderContext context);

    /**
     * Takes the amount (debits the stored value, redeems the coupon).
     *
     * @param reference what the cashier entered (a card number, a coupon code); may be null
     *
     * @return the plugin's own reference of what it took (kept on the tender, handed to {@link #cancel} and
     *         {@link #refund})
     *
     * @throws DmsException with the field {@code reference} or {@code amount} when it refuses: the payment then fails
     *                      whole
     */
    String take(TenderContext context, BigDecimal amount, String reference);

    /** Undoes a {@link #take} whose payment then failed. Must not throw for a reference it does not know. */
    void cancel(TenderContext context, String takenReference);

    /**
     * Gives back an amount taken earlier, when the document is reversed (红冲).
     *
     * @throws DmsException when it refuses: the reversal then fails whole
     */
    void refund(TenderContext context, BigDecimal amount, String takenReference);
}
