package org.opendms.settlement.api.payment;

/** A payment's state as the provider reports it. */
public enum ProviderState {
    /** not paid yet (a QR code not scanned, a payment code waiting for the customer's password) */
    PENDING,
    /** paid: the money is the shop's */
    PAID,
    /** closed or revoked without payment; a new payment must be started */
    CLOSED,
    /** refused by the provider (a payment code expired, a card declined) */
    FAILED
}
