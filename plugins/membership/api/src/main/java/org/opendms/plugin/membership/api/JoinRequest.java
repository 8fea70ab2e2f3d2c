package org.opendms.plugin.membership.api;

/**
 * A customer joining.
 *
 * @param consent        must be true: the customer agreed to the terms (read out or signed)
 * @param consentChannel how: {@code COUNTER} (signed at the desk), {@code PHONE}, {@code APP}
 * @param pin            6 digits for paying with stored value; may be set later
 */
public record JoinRequest(Long customerId, Boolean consent, String consentChannel, String pin) {
}
