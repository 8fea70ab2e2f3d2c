package org.opendms.parts.impl;

import java.util.List;

import org.opendms.parts.api.Catalogue;
import org.opendms.parts.api.Reservations;
import org.opendms.parts.api.Stock;
import org.opendms.parts.api.StockLedger;
import org.opendms.parts.api.Warehouses;
import org.opendms.parts.api.event.PartsListener;
import org.opendms.platform.api.ShopClock;
import org.opendms.platform.testing.TestDatabase;

/** The real parts services for the tests of the work-order link (another package), with settable listeners. */
public final class WorkOrderPartsFixture {

    private final PartsServicesForTests parts;

    private WorkOrderPartsFixture(PartsServicesForTests parts) {
        this.parts = parts;
    }

    public static WorkOrderPartsFixture on(TestDatabase db, ShopClock clock) {
        return new WorkOrderPartsFixture(PartsServicesForTests.on(db, clock));
    }

    public void listeners(List<PartsListener> listeners) {
        parts.context().listeners = List.copyOf(listeners);
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
}
