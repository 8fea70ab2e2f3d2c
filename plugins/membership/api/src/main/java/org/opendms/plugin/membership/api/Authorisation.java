package org.opendms.plugin.membership.api;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The member's confirmation of one payment with stored value: given against the PIN (later: a one-time code the SMS
 * plugin sends), used once, as the reference of the {@code STORED_VALUE} tender, for at most {@code amount}.
 */
public record Authorisation(String code, long memberId, BigDecimal amount, Instant expiresAt) {
}
