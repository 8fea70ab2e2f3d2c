package org.opendms.parts.api.stocktake;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Implemented by plugins and registered as a service: told of committed stocktake events after the commit. A listener
 * that throws is logged; the change stands.
 */
@ConsumerType
public interface StocktakeListener {

    default void opened(StocktakeEvent event) {
    }

    default void submitted(StocktakeEvent event) {
    }

    /** The manager approved; the variances are in the ledger. */
    default void posted(StocktakeEvent event) {
    }

    default void cancelled(StocktakeEvent event) {
    }
}
