package org.opendms.printing.api;

import java.util.Optional;

import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The customer's e-bill (电子结算单): a link with an unguessable token that opens a settled work order's bill and
 * completion certificate on the customer's phone without a login, until it expires. Only the token's hash is stored.
 */
@ProviderType
public interface EBills {

    /**
     * A new link for the work order (each printed bill carries one in its QR code); recorded in the audit trail.
     *
     * @throws DmsException FORBIDDEN without {@code print.bill}; NOT_FOUND {@code workOrderId}
     */
    EBillLink issue(long workOrderId, Actor actor);

    /** What the token opens, or empty when it is unknown or expired (the caller says no more than "not found"). */
    Optional<EBill> open(String token);

    /**
     * The bill or the certificate the token opens, as PDF.
     *
     * @throws DmsException NOT_FOUND {@code token} when unknown or expired, or for any other kind; CONFLICT as
     *                      {@link Sheets#print} (e.g. a certificate before completion)
     */
    byte[] print(String token, SheetKind kind, Paper paper);
}
