package org.opendms.settlement.api.payment;

/** What a notification did; every one is recorded with its outcome. */
public enum NotificationOutcome {
    /** verified, and it changed the payment (paid, applied, closed) */
    APPLIED,
    /** verified, and it said what was already known (a replay): nothing changed */
    DUPLICATE,
    /** verified, but it does not match the payment (another amount, an unknown number): nothing changed */
    MISMATCH,
    /** not verified (bad signature, not the provider's format): nothing changed */
    REFUSED
}
