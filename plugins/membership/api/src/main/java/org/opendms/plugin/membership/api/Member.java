package org.opendms.plugin.membership.api;

import java.time.Instant;

/**
 * A customer who joined (入会).
 *
 * @param memberNumber the number on the card, e.g. {@code M00000123}
 * @param consentAt    when the customer agreed to the membership terms (会员协议) and to the shop keeping their data for
 *                     it
 * @param consentBy    the member of staff who recorded the consent
 * @param pinSet       whether the member has a PIN for paying with stored value
 * @param active       false once the member left; balances stay
 */
public record Member(long id, String memberNumber, long customerId, String tier, Instant joinedAt, Instant consentAt,
        String consentBy, String consentChannel, boolean pinSet, boolean active, long version) {
}
