package org.opendms.workorder.api.reception;

/**
 * A thing to raise with the customer.
 *
 * @param code a stable code prefixed with the plugin's name, e.g. {@code insurance.policy_due}
 */
public record ReceptionReminder(String code, String messageZh, String messageEn) {
}
