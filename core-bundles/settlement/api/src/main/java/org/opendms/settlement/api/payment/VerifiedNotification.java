package org.opendms.settlement.api.payment;

/**
 * A notification whose signature the driver checked and whose content it decrypted.
 *
 * @param notificationId the provider's id of the notification (the same when it is sent again)
 * @param eventType      the provider's event type, e.g. {@code TRANSACTION.SUCCESS}
 * @param payment        the payment it reports
 */
public record VerifiedNotification(String notificationId, String eventType, ProviderPayment payment) {
}
