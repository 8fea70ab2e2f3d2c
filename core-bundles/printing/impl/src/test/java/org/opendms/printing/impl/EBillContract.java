package org.opendms.printing.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opendms.audit.impl.JpaAuditTrail;
import org.opendms.customer.impl.CustomerArchiveForTests;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.Channel;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.ShopClock;
import org.opendms.platform.testing.TestDatabase;
import org.opendms.platform.testing.TestPermissions;
import org.opendms.printing.api.EBill;
import org.opendms.printing.api.EBillLink;
import org.opendms.printing.api.Paper;
import org.opendms.printing.api.SheetKind;
import org.opendms.settlement.api.Settlements;
import org.opendms.workorder.api.WorkOrderStatus;
import org.opendms.workorder.api.WorkOrders;

/**
 * E-bill links on a real database migrated by the bundle's changelog, with the real audit trail: the work order and its
 * documents come from the published APIs (answered here as {@link SampleVisit} has them).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EBillContract {

    static final Actor CASHIER = new Actor("zhou.cashier", Set.of("cashier"), Channel.REST);
    static final Actor TECHNICIAN = new Actor("wang.tech", Set.of("technician"), Channel.REST);
    static final Instant NOW = Instant.parse("2026-12-02T08:00:00Z");

    TestDatabase db;
    EBillStore store;
    final MovingClock clock = new MovingClock();

    abstract TestDatabase database();

    /** A shop clock the test moves forward. */
    static final class MovingClock implements ShopClock {
        volatile Instant now = NOW;

        @Override
        public ZoneId zone() {
            return SampleVisit.ZONE;
        }

        @Override
        public Clock clock() {
            return Clock.fixed(now, SampleVisit.ZONE);
        }
    }

    @BeforeAll
    void migrate() {
        db = database();
        CustomerArchiveForTests.on(db);
        db.migrate("db/org.opendms.printing.impl/changelog.xml");
        assertEquals(1, db.count("SELECT COUNT(*) FROM DATABASECHANGELOG WHERE ID = 'printing-001'"));
        store = new EBillStore();
        store.jpa = db.jpa("dms-printing");
        store.permissions = TestPermissions.of();
        store.clock = clock;
        store.audit = new JpaAuditTrail(db.jpa("dms-audit"), clock, store.permissions);
        store.workOrders = answering(WorkOrders.class, "get", SampleVisit.workOrder(WorkOrderStatus.COMPLETED));
        store.settlements = answering(Settlements.class, "forWorkOrder",
                List.of(SampleVisit.customerDocument(), SampleVisit.insurerDocument()));
        store.visits = new VisitReader() {
            @Override
            Visit read(SheetKind kind, long id, Actor actor, String eBillUrl) {
                return SampleVisit.visit(new Visit.Guarantee("一级维护", 2000, 10)).withEBill(eBillUrl);
            }

            @Override
            PrintingConfig config() {
                return GuaranteesTest.defaults();
            }
        };
        store.configure(GuaranteesTest.defaults());
    }

    /** A published service that answers one method with one value (and refuses the rest: they are not used). */
    @SuppressWarnings("unchecked")
    static <T> T answering(Class<T> type, String method, Object value) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, (p, m, args) -> {
            if (m.getName().equals(method)) {
                return value;
            }
            throw new UnsupportedOperationException(m.getName());
        });
    }

    @AfterAll
    void close() {
        db.close();
    }

    @Test
    void aLinkOpensTheBillWithoutLoginAndShowsNoPersonalData() {
        clock.now = NOW;
        EBillLink link = store.issue(501, CASHIER);
        assertEquals("http://localhost:8181/api/e-bill/" + link.token(), link.url());
        assertEquals(NOW.plus(Duration.ofDays(30)), link.expiresAt());
        EBill bill = store.open(link.token()).orElseThrow();
        assertEquals("WO20261202-0007", bill.workOrderNumber());
        assertEquals("京A***45", bill.plateMasked());
        assertEquals(new BigDecimal("721.00"), bill.payable());
        assertEquals(new BigDecimal("721.00"), bill.paid());
        assertTrue(bill.certificate());
    }

    @Test
    void onlyTheHashOfTheTokenIsStoredAndTheIssueIsAudited() {
        EBillLink link = store.issue(501, CASHIER);
        assertEquals(0, db.count("SELECT COUNT(*) FROM prt_ebill_link WHERE token_hash = '" + link.token() + "'"));
        assertEquals(1, db.count("SELECT COUNT(*) FROM prt_ebill_link WHERE token_hash = '" + EBillStore.hash(link
                .token()) + "'"));
        assertTrue(db.count("SELECT COUNT(*) FROM audit_change WHERE record_type = 'e-bill'") >= 1);
    }

    @Test
    void twoLinksAreNeverTheSame() {
        assertNotEquals(store.issue(501, CASHIER).token(), store.issue(501, CASHIER).token());
    }

    @Test
    void anExpiredUnknownOrMalformedLinkOpensNothing() {
        clock.now = NOW;
        EBillLink link = store.issue(501, CASHIER);
        clock.now = NOW.plus(Duration.ofDays(30)).plusSeconds(1);
        try {
            assertTrue(store.open(link.token()).isEmpty(), "expired");
            DmsException e = assertThrows(DmsException.class, () -> store.print(link.token(), SheetKind.BILL,
                    Paper.A4));
            assertEquals(DmsException.Kind.NOT_FOUND, e.kind());
        } finally {
            clock.now = NOW;
        }
        String unknown = "A".repeat(43);
        assertTrue(store.open(unknown).isEmpty(), "unknown");
        assertTrue(store.open("../../etc/passwd").isEmpty(), "malformed");
        assertTrue(store.open(null).isEmpty(), "none");
    }

    @Test
    void theLinkOpensTheBillAndTheCertificateButNoOtherSheet() throws IOException {
        EBillLink link = store.issue(501, CASHIER);
        String bill = text(store.print(link.token(), SheetKind.BILL, Paper.A5));
        assertTrue(bill.contains("721.00") && bill.contains("JS20261202-0003"), bill);
        String certificate = text(store.print(link.token(), SheetKind.CERTIFICATE, Paper.A5));
        assertTrue(certificate.contains("机动车维修竣工出厂合格证"), certificate);
        for (SheetKind other : List.of(SheetKind.AUTHORISATION, SheetKind.JOB_SHEET, SheetKind.PICK_LIST)) {
            DmsException e = assertThrows(DmsException.class, () -> store.print(link.token(), other, Paper.A4));
            assertEquals(DmsException.Kind.NOT_FOUND, e.kind());
        }
    }

    @Test
    void aRoleThatMayNotPrintTheBillGetsNoLink() {
        long before = db.count("SELECT COUNT(*) FROM prt_ebill_link");
        DmsException e = assertThrows(DmsException.class, () -> store.issue(501, TECHNICIAN));
        assertEquals(DmsException.Kind.FORBIDDEN, e.kind());
        assertEquals(before, db.count("SELECT COUNT(*) FROM prt_ebill_link"));
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void theStoredTokenNeverAppearsInTheAuditTrail() {
        EBillLink link = store.issue(501, CASHIER);
        assertFalse(db.count("SELECT COUNT(*) FROM audit_change WHERE new_value LIKE '%" + link.token() + "%'") > 0);
    }
}
