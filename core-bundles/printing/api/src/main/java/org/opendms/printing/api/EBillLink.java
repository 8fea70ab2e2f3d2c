package org.opendms.printing.api;

import java.time.Instant;

/**
 * A customer's e-bill link.
 *
 * @param token the secret in the link; shown once, only its hash is stored
 * @param url   the configured public address followed by the token
 */
public record EBillLink(long workOrderId, String token, String url, Instant expiresAt) {
}
