package org.opendms.settlement.api.payment;

/** An online payment's state on the platform. */
public enum OnlinePaymentStatus {
    /** started, waiting for the customer */
    PENDING,
    /** the provider took the money; not yet a tender of the document (it pays part: the cashier takes the rest) */
    PAID,
    /** a tender of the document */
    APPLIED,
    /** closed or refused by the provider: nothing was paid */
    CLOSED
}
