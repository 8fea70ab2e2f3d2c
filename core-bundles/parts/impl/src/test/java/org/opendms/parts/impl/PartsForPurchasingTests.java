package org.opendms.parts.impl;

import org.apache.aries.jpa.template.JpaTemplate;
import org.opendms.parts.api.Catalogue;
import org.opendms.parts.api.Reservations;
import org.opendms.parts.api.Stock;
import org.opendms.parts.api.StockLedger;
import org.opendms.parts.api.Warehouses;
import org.opendms.parts.api.figures.PartsFigures;
import org.opendms.platform.api.ShopClock;
import org.opendms.platform.api.audit.AuditTrail;
import org.opendms.platform.api.security.Permissions;
import org.opendms.platform.testing.TestDatabase;

/**
 * The real parts services for the purchasing and stocktake tests (other packages): the same JpaTemplate instance as
 * theirs, so a posting joins the purchasing transaction exactly as in Karaf.
 */
public final class PartsForPurchasingTests {

    private final PartsServicesForTests parts;

    private PartsForPurchasingTests(PartsServicesForTests parts) {
        this.parts = parts;
    }

    public static PartsForPurchasingTests on(TestDatabase db, ShopClock clock) {
        return new PartsForPurchasingTests(PartsServicesForTests.on(db, clock));
    }

    public JpaTemplate jpa() {
        return parts.context().jpa;
    }

    public Permissions permissions() {
        return parts.context().permissions;
    }

    public AuditTrail audit() {
        return parts.context().audit;
    }

    public Catalogue catalogue() {
        return parts.catalogue();
    }

    public Warehouses warehouses() {
        return parts.warehouses();
    }

    public Stock stock() {
        return parts.stock();
    }

    public StockLedger ledger() {
        return parts.ledger();
    }

    public Reservations reservations() {
        return parts.reservations();
    }

    /** The parts figures on the same database and clock. */
    public PartsFigures figures() {
        JpaPartsFigures figures = new JpaPartsFigures();
        figures.ctx = parts.context();
        return figures;
    }
}
