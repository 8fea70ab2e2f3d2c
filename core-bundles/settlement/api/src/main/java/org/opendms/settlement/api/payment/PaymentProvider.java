package org.opendms.settlement.api.payment;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A driver of one online payment provider, registered as a service. It speaks the provider's protocol and keeps no
 * records: the platform calls it, stores what it reports and decides what changes. Every method may throw
 * {@link ProviderFailure}; none may report a payment it did not verify as coming from the provider.
 */
@ConsumerType
public interface PaymentProvider {

    /** The code payments name, upper case, unique among providers, e.g. {@code WECHATPAY}. */
    String code();

    /**
     * The settlement tender a paid payment becomes, e.g. {@code WECHAT}
     * ({@link org.opendms.settlement.api.TenderMethods}):
     * the provider's transaction number is its reference.
     */
    String tenderMethod();

    String nameZh();

    String nameEn();

    /**
     * Starts a payment. NATIVE_QR answers PENDING with the code URL; PAYMENT_CODE may answer PAID at once, PENDING
     * while the customer confirms on the phone, or FAILED.
     */
    ProviderPayment create(PaymentOrder order);

    /** What the provider says about a payment now. */
    ProviderPayment query(String outTradeNo);

    /** Asks for money back. */
    ProviderRefund refund(RefundOrder order);

    /**
     * Closes a payment the customer has not paid (关单), so that it can never be paid afterwards, and reports what the
     * provider says of it then: CLOSED, or PAID when the customer paid at the last moment. A driver whose provider
     * cannot close keeps this default, which refuses. @since 1.1
     */
    default ProviderPayment close(String outTradeNo) {
        throw new ProviderFailure(ProviderFailure.REFUSED, code() + " cannot close a payment");
    }

    /**
     * Checks a notification's signature and decrypts it.
     *
     * @throws ProviderFailure {@code signature} when the signature does not verify (or is too old to be trusted),
     *                         {@code malformed} when it is not the provider's format
     */
    VerifiedNotification verify(Notification notification);
}
