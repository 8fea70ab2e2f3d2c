package org.opendms.invoicing.api.event;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told of invoice changes after they committed; a listener that throws is logged and the change stands. Implement the
 * methods you need.
 */
@ConsumerType
public interface InvoiceListener {

    /** A customer asked for an invoice. */
    default void requested(InvoiceEvent event) {
    }

    /** An invoice was issued (by hand or through the provider). */
    default void issued(InvoiceEvent event) {
    }

    /** An issued invoice was voided. */
    default void voided(InvoiceEvent event) {
    }
}
