package org.opendms.settlement.api.payment;

/** How the customer pays online. */
public enum PaymentScene {
    /** 扫码支付 (Native): the shop shows a QR code, the customer scans it with the provider's app. */
    NATIVE_QR,
    /** 付款码支付: the cashier scans the payment code on the customer's phone. */
    PAYMENT_CODE
}
