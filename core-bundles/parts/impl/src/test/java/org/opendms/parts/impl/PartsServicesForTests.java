package org.opendms.parts.impl;

import java.util.List;

import org.opendms.audit.impl.JpaAuditTrail;
import org.opendms.parts.api.Catalogue;
import org.opendms.parts.api.Reservations;
import org.opendms.parts.api.Stock;
import org.opendms.parts.api.StockLedger;
import org.opendms.parts.api.Transfers;
import org.opendms.parts.api.Warehouses;
import org.opendms.parts.api.event.PartsListener;
import org.opendms.platform.api.ShopClock;
import org.opendms.platform.testing.TestDatabase;
import org.opendms.platform.testing.TestPermissions;

/**
 * The real parts services on a test database migrated by the parts changelog (and the audit trail's), wired as DS wires
 * them in Karaf: the one wiring, for this bundle's tests and (through its test-jar, gathered by the parts.testing pom)
 * for tests of other bundles. In the implementation's package because DS wants the services' fields package-private.
 * {@link #context()} and {@link #engine()} are what a service of the parts bundles uses to post inside its own
 * transaction.
 */
public record PartsServicesForTests(PartsContext context, LedgerEngine engine, Catalogue catalogue,
        Warehouses warehouses, Stock stock, StockLedger ledger, Transfers transfers, Reservations reservations) {

    public static PartsServicesForTests on(TestDatabase db, ShopClock clock, PartsListener... listeners) {
        db.migrate("db/org.opendms.audit.impl/changelog.xml");
        db.migrate("db/org.opendms.parts.impl/changelog.xml");
        PartsContext ctx = new PartsContext();
        ctx.jpa = db.jpa("dms-parts");
        ctx.clock = clock;
        ctx.permissions = TestPermissions.of();
        ctx.audit = new JpaAuditTrail(db.jpa("dms-audit"), clock, ctx.permissions);
        ctx.listeners = List.of(listeners);
        LedgerEngine engine = new LedgerEngine();
        engine.ctx = ctx;
        JpaCatalogue catalogue = new JpaCatalogue();
        catalogue.ctx = ctx;
        JpaWarehouses warehouses = new JpaWarehouses();
        warehouses.ctx = ctx;
        JpaStock stock = new JpaStock();
        stock.ctx = ctx;
        JpaStockLedger ledger = new JpaStockLedger();
        ledger.ctx = ctx;
        ledger.engine = engine;
        JpaTransfers transfers = new JpaTransfers();
        transfers.ctx = ctx;
        transfers.engine = engine;
        JpaReservations reservations = new JpaReservations();
        reservations.ctx = ctx;
        return new PartsServicesForTests(ctx, engine, catalogue, warehouses, stock, ledger, transfers, reservations);
    }
}
