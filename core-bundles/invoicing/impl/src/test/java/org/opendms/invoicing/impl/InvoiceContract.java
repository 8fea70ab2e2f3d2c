package org.opendms.invoicing.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opendms.audit.impl.JpaAuditTrail;
import org.opendms.invoicing.api.Invoice;
import org.opendms.invoicing.api.InvoiceDraft;
import org.opendms.invoicing.api.InvoiceKind;
import org.opendms.invoicing.api.InvoiceQuery;
import org.opendms.invoicing.api.InvoiceStatus;
import org.opendms.invoicing.api.event.InvoiceEvent;
import org.opendms.invoicing.api.event.InvoiceListener;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.Channel;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Violation;
import org.opendms.platform.testing.TestDatabase;
import org.opendms.platform.testing.TestPermissions;
import org.opendms.platform.testing.TestShopClock;
import org.opendms.settlement.api.Rounding;
import org.opendms.settlement.api.Settlement;
import org.opendms.settlement.impl.SettledDocuments;

/**
 * Invoices on a real database migrated by the real changelog, over the real settlement service (documents settled in
 * cash and reversed as the cashier and manager do it), the real audit trail and permission table, and an in-memory
 * 数电票 service as the provider.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class InvoiceContract {

    static final Actor CASHIER = new Actor("qian.cashier", Set.of("cashier"), Channel.REST);
    static final Actor CASHIER2 = new Actor("sun.cashier", Set.of("cashier"), Channel.REST);
    static final Actor MANAGER = new Actor("zhao.manager", Set.of("manager"), Channel.REST);
    static final Actor ADVISOR = new Actor("wang.advisor", Set.of("advisor"), Channel.REST);
    /** A valid 统一社会信用代码 (check character 3). */
    static final String USCC = "91350100M000100Y43";
    static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    TestDatabase db;
    SettledDocuments desk;
    JpaInvoices service;
    TaxBureau bureau;
    final List<String> heard = new CopyOnWriteArrayList<>();

    abstract TestDatabase database();

    @BeforeAll
    void start() {
        db = database();
        TestShopClock clock = TestShopClock.fixed(Instant.parse("2026-12-02T03:00:00Z"));
        var permissions = TestPermissions.of();
        var audit = new JpaAuditTrail(db.jpa("dms-audit"), clock, permissions);
        desk = new SettledDocuments(db, clock, permissions, audit);
        db.migrate("db/org.opendms.invoicing.impl/changelog.xml");
        assertEquals(1, db.count("SELECT COUNT(*) FROM DATABASECHANGELOG WHERE ID = 'invoicing-001'"));
        service = new JpaInvoices();
        service.jpa = db.jpa("dms-invoicing");
        service.clock = clock;
        service.permissions = permissions;
        service.audit = audit;
        service.settlements = desk.service();
        service.listeners = List.of(new InvoiceListener() {
            @Override
            public void requested(InvoiceEvent e) {
                heard.add("requested " + e.number());
            }

            @Override
            public void issued(InvoiceEvent e) {
                heard.add("issued " + e.number() + " " + e.invoiceNumber());
            }

            @Override
            public void voided(InvoiceEvent e) {
                heard.add("voided " + e.number());
            }
        });
        desk.listeners(List.of(service));
        bureau = new TaxBureau();
    }

    @BeforeEach
    void byHand() {
        service.providers = List.of();
        bureau.failWith = null;
        bureau.hold = null;
        heard.clear();
    }

    @AfterAll
    void stop() {
        if (db != null) {
            db.close();
        }
    }

    // ---------------------------------------------------------------- helpers

    static InvoiceDraft ordinary(Settlement s, String buyer) {
        return new InvoiceDraft(s.id(), InvoiceKind.ORDINARY, buyer, null, null, null, null, null, "lina@example.com");
    }

    static InvoiceDraft special(Settlement s) {
        return new InvoiceDraft(s.id(), InvoiceKind.SPECIAL, "福州顺达物流有限公司", USCC, "福州市鼓楼区五四路 88 号",
                "0591-87654321", "中国工商银行福州五四支行", "1402 0012 0902 4567 890", "fp@shunda.example.cn");
    }

    static String field(DmsException e) {
        return e.violations().get(0).field();
    }

    static String code(DmsException e) {
        return e.violations().get(0).code();
    }

    static void bilingual(DmsException e) {
        for (Violation v : e.violations()) {
            assertFalse(v.messageZh().isBlank());
            assertFalse(v.messageEn().isBlank());
            assertFalse(v.messageZh().equals(v.messageEn()));
        }
    }

    long rows(Settlement s) {
        return db.count("SELECT COUNT(*) FROM inv_invoice WHERE settlement_id = " + s.id());
    }

    long audits(long invoiceId) {
        return db.count("SELECT COUNT(*) FROM audit_change WHERE record_type = 'invoice' AND record_id = '" + invoiceId
                + "'");
    }

    static String number(int n) {
        return "2611200000000" + String.format("%07d", n);
    }

    static int seq = (int) (System.nanoTime() % 1_000_000);

    static synchronized String nextNumber() {
        return number(++seq);
    }

    // ---------------------------------------------------------------- requests

    @Test
    void aSettledDocumentGetsARequestWithItsOwnAmounts() {
        Settlement s = desk.settled("456.78");
        Invoice i = service.request(ordinary(s, "李娜"), CASHIER);
        assertEquals(InvoiceStatus.REQUESTED, i.status());
        assertTrue(i.number().matches("FP20261202-\\d{6}"), i.number());
        assertEquals(s.net(), i.net());
        assertEquals(s.vatRate(), i.vatRate());
        assertEquals(s.vat(), i.vat());
        assertEquals(s.gross(), i.total());
        assertEquals(new BigDecimal("516.16"), i.total(), "456.78 + 13 % (59.38)");
        assertEquals(s.workOrderNumber(), i.workOrderNumber());
        assertEquals("qian.cashier", i.requestedBy());
        assertEquals(i, service.get(i.id(), CASHIER));
        assertTrue(audits(i.id()) > 0);
        assertEquals(List.of("requested " + i.number()), heard);
    }

    @Test
    void aRoundedDocumentIsInvoicedForWhatTheCustomerPaid() {
        Settlement s = desk.settled("88.50", Rounding.YUAN);
        Invoice i = service.request(ordinary(s, "李娜"), CASHIER);
        assertEquals(s.payable(), i.total(), "100.00: 88.50 × 1.13 = 100.01, 抹零 to the yuan");
        assertEquals(0, i.net().add(i.vat()).compareTo(i.total()));
        assertEquals(new BigDecimal("88.50"), i.net(), "100.00 ÷ 1.13 = 88.495…, HALF_UP");
    }

    @Test
    void aSpecialInvoiceWithoutBankIsRefusedNamingTheFieldsAndNothingIsStored() {
        Settlement s = desk.settled("1200.00");
        InvoiceDraft d = special(s);
        InvoiceDraft noBank = new InvoiceDraft(d.settlementId(), d.kind(), d.buyerName(), d.taxpayerNumber(),
                d.address(), d.phone(), " ", null, d.email());
        DmsException e = assertThrows(DmsException.class, () -> service.request(noBank, CASHIER));
        assertEquals(DmsException.Kind.INVALID_INPUT, e.kind());
        assertEquals(List.of("bank", "bankAccount"), e.violations().stream().map(Violation::field).toList());
        assertTrue(e.violations().get(0).messageZh().contains("开户行"), e.violations().get(0).messageZh());
        bilingual(e);
        assertEquals(0, rows(s));
        assertTrue(heard.isEmpty());

        // an ordinary invoice for a person needs no bank
        assertEquals(InvoiceStatus.REQUESTED, service.request(ordinary(s, "李娜"), CASHIER).status());
    }

    @Test
    void aTaxpayerNumberIsEighteenCharactersWithItsCheckCharacter() {
        Settlement s = desk.settled("300.00");
        InvoiceDraft d = special(s);
        for (String bad : new String[] { "91350100M000100Y44", "91350100M000100Y4", "91350100M000100O43" }) {
            DmsException e = assertThrows(DmsException.class, () -> service.request(new InvoiceDraft(s.id(),
                    InvoiceKind.SPECIAL, d.buyerName(), bad, d.address(), d.phone(), d.bank(), d.bankAccount(), null),
                    CASHIER), bad);
            assertEquals("taxpayerNumber", field(e), bad);
            bilingual(e);
        }
        assertEquals(0, rows(s));
        Invoice ok = service.request(new InvoiceDraft(s.id(), InvoiceKind.SPECIAL, d.buyerName(),
                "91350100m000100y43", d.address(), d.phone(), d.bank(), d.bankAccount(), null), CASHIER);
        assertEquals(USCC, ok.taxpayerNumber(), "kept upper case");
        assertEquals("1402001209024567890", ok.bankAccount(), "spaces taken out");
    }

    @Test
    void aDocumentHasOneOpenInvoiceAtATime() {
        Settlement s = desk.settled("200.00");
        Invoice first = service.request(special(s), CASHIER);
        DmsException e = assertThrows(DmsException.class, () -> service.request(ordinary(s, "李娜"), CASHIER2));
        assertEquals(DmsException.Kind.CONFLICT, e.kind());
        assertEquals("invoice.exists", code(e));
        assertEquals("settlementId", field(e));
        assertTrue(e.violations().get(0).messageZh().contains(first.number()));
        assertEquals(1, rows(s));

        // withdrawn, the document may be invoiced again
        Invoice cancelled = service.cancel(first.id(), first.version(), "抬头写错", CASHIER);
        assertEquals(InvoiceStatus.CANCELLED, cancelled.status());
        assertEquals(InvoiceStatus.REQUESTED, service.request(ordinary(s, "李娜"), CASHIER2).status());
        assertEquals(2, rows(s));
    }

    @Test
    void twoRequestsOfOneDocumentAtOnceStoreOne() throws Exception {
        Settlement s = desk.settled("210.00");
        List<Object> outcomes = race(2, n -> service.request(ordinary(s, "李娜" + n), n == 0 ? CASHIER : CASHIER2));
        assertEquals(1, outcomes.stream().filter(o -> o instanceof Invoice).count(), outcomes.toString());
        assertEquals(1, rows(s));
    }

    @Test
    void onlyASettledDocumentIsInvoiced() {
        Settlement open = desk.open("150.00");
        DmsException notSettled = assertThrows(DmsException.class, () -> service.request(ordinary(open, "李娜"),
                CASHIER));
        assertEquals("settlement.not_settled", code(notSettled));
        assertEquals("settlementId", field(notSettled));

        Settlement reversed = desk.reverse(desk.settled("160.00"));
        DmsException wasReversed = assertThrows(DmsException.class,
                () -> service.request(ordinary(reversed, "李娜"), CASHIER));
        assertEquals("settlement.reversed", code(wasReversed));
        bilingual(wasReversed);

        DmsException missing = assertThrows(DmsException.class,
                () -> service.request(new InvoiceDraft(999_999L, InvoiceKind.ORDINARY, "李娜", null, null, null, null,
                        null, null), CASHIER));
        assertEquals(DmsException.Kind.NOT_FOUND, missing.kind());
        assertEquals("settlementId", field(missing));
        assertEquals(0, rows(open) + rows(reversed));
    }

    @Test
    void theWorkshopMayNotRequestInvoices() {
        Settlement s = desk.settled("170.00");
        DmsException e = assertThrows(DmsException.class, () -> service.request(ordinary(s, "李娜"), ADVISOR));
        assertEquals(DmsException.Kind.FORBIDDEN, e.kind());
        assertEquals(0, rows(s));
    }

    // ---------------------------------------------------------------- issuing

    @Test
    void theCashierRecordsTheNumberByHandOnce() {
        Settlement s = desk.settled("300.00");
        Invoice r = service.request(special(s), CASHIER);
        DmsException missing = assertThrows(DmsException.class, () -> service.issue(r.id(), r.version(), null, null,
                CASHIER));
        assertEquals("invoiceNumber", field(missing));
        DmsException future = assertThrows(DmsException.class, () -> service.issue(r.id(), r.version(), "12345",
                TODAY.plusDays(1), CASHIER));
        assertEquals(List.of("invoiceNumber", "invoiceDate"),
                future.violations().stream().map(Violation::field).toList());
        String number = nextNumber();
        Invoice issued = service.issue(r.id(), r.version(), number, TODAY.minusDays(1), CASHIER);
        assertEquals(InvoiceStatus.ISSUED, issued.status());
        assertEquals(number, issued.invoiceNumber());
        assertEquals(TODAY.minusDays(1), issued.invoiceDate());
        assertEquals(Invoice.MANUAL, issued.issuedVia());
        assertEquals("qian.cashier", issued.issuedBy());
        assertEquals(List.of("requested " + r.number(), "issued " + r.number() + " " + number), heard);

        DmsException again = assertThrows(DmsException.class, () -> service.issue(r.id(), issued.version(),
                nextNumber(), null, CASHIER));
        assertEquals("invoice.not_requested", code(again));

        // the same number on another invoice is refused
        Settlement other = desk.settled("301.00");
        Invoice r2 = service.request(ordinary(other, "李娜"), CASHIER);
        DmsException taken = assertThrows(DmsException.class, () -> service.issue(r2.id(), r2.version(), number,
                null, CASHIER));
        assertEquals("invoice.number_taken", code(taken));
        assertEquals("invoiceNumber", field(taken));
        assertEquals(InvoiceStatus.REQUESTED, service.get(r2.id(), CASHIER).status());
    }

    @Test
    void withAProviderInvoicesAreIssuedThroughIt() {
        service.providers = List.of(bureau);
        assertEquals("SDP", service.provider());
        Settlement s = desk.settled("500.00");
        Invoice r = service.request(special(s), CASHIER);
        DmsException typed = assertThrows(DmsException.class, () -> service.issue(r.id(), r.version(), nextNumber(),
                null, CASHIER));
        assertEquals("invoiceNumber", field(typed));

        // refused by the provider: still REQUESTED, may be issued once the buyer's details are right
        bureau.failWith = "refused";
        DmsException refused = assertThrows(DmsException.class, () -> service.issue(r.id(), r.version(), null, null,
                CASHIER));
        assertEquals("provider", field(refused));
        assertEquals(InvoiceStatus.REQUESTED, service.get(r.id(), CASHIER).status());
        bureau.failWith = null;

        Invoice issued = service.issue(r.id(), r.version(), null, null, CASHIER);
        assertEquals(InvoiceStatus.ISSUED, issued.status());
        assertEquals("SDP", issued.issuedVia());
        assertEquals(20, issued.invoiceNumber().length());
        assertEquals(bureau.issued.get(r.number()).invoiceNumber(), issued.invoiceNumber());
        var order = bureau.orders.get(bureau.orders.size() - 1);
        assertEquals(r.number(), order.requestNumber());
        assertEquals("SPECIAL", order.kind());
        assertEquals(USCC, order.taxpayerNumber());
        assertEquals(s.gross(), order.total());
        assertEquals(s.net(), order.net());

        // voided through the provider that issued it
        Invoice voided = service.voidInvoice(issued.id(), issued.version(), "购买方要求重开", MANAGER);
        assertEquals(InvoiceStatus.VOIDED, voided.status());
        assertTrue(bureau.voided.contains(issued.invoiceNumber()));
    }

    @Test
    void twoIssuesOfOneRequestAtOnceIssueOne() throws Exception {
        Settlement s = desk.settled("320.00");
        Invoice r = service.request(ordinary(s, "李娜"), CASHIER);
        String a = nextNumber();
        String b = nextNumber();
        List<Object> outcomes = race(2, n -> service.issue(r.id(), r.version(), n == 0 ? a : b, null,
                n == 0 ? CASHIER : CASHIER2));
        assertEquals(1, outcomes.stream().filter(o -> o instanceof Invoice).count(), outcomes.toString());
        DmsException lost = (DmsException) outcomes.stream().filter(o -> o instanceof DmsException).findFirst()
                .orElseThrow();
        assertEquals(DmsException.Kind.CONFLICT, lost.kind());
        Invoice now = service.get(r.id(), CASHIER);
        assertEquals(InvoiceStatus.ISSUED, now.status());
        assertEquals(1, db.count("SELECT COUNT(*) FROM inv_invoice WHERE invoice_no IN ('" + a + "', '" + b + "')"));
    }

    @Test
    void twoIssuesThroughTheProviderAtOnceAskItOnce() throws Exception {
        service.providers = List.of(bureau);
        Settlement s = desk.settled("330.00");
        Invoice r = service.request(ordinary(s, "李娜"), CASHIER);
        int before = bureau.orders.size();
        bureau.hold = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Invoice> first = pool.submit(() -> service.issue(r.id(), r.version(), null, null, CASHIER));
            // the first one holds the claim while the provider answers
            for (int i = 0; i < 200 && bureau.orders.size() == before; i++) {
                Thread.sleep(10);
            }
            DmsException second = assertThrows(DmsException.class, () -> service.issue(r.id(), r.version(), null,
                    null, CASHIER2));
            assertEquals("invoice.issuing", code(second));
            bilingual(second);
            bureau.hold.countDown();
            assertEquals(InvoiceStatus.ISSUED, first.get().status());
        } finally {
            bureau.hold.countDown();
            pool.shutdown();
        }
        assertEquals(before + 1, bureau.orders.size());
    }

    // ---------------------------------------------------------------- voiding and reversal

    @Test
    void theManagerVoidsAnIssuedInvoiceSayingWhy() {
        Settlement s = desk.settled("410.00");
        Invoice r = service.request(special(s), CASHIER);
        Invoice issued = service.issue(r.id(), r.version(), nextNumber(), null, CASHIER);
        DmsException cashier = assertThrows(DmsException.class, () -> service.voidInvoice(issued.id(),
                issued.version(), "重开", CASHIER));
        assertEquals(DmsException.Kind.FORBIDDEN, cashier.kind());
        DmsException noReason = assertThrows(DmsException.class, () -> service.voidInvoice(issued.id(),
                issued.version(), "  ", MANAGER));
        assertEquals("reason", field(noReason));
        bilingual(noReason);
        assertEquals(InvoiceStatus.ISSUED, service.get(issued.id(), CASHIER).status());

        Invoice voided = service.voidInvoice(issued.id(), issued.version(), "购买方名称错误", MANAGER);
        assertEquals(InvoiceStatus.VOIDED, voided.status());
        assertEquals("购买方名称错误", voided.reason());
        assertEquals("zhao.manager", voided.closedBy());
        assertEquals(issued.invoiceNumber(), voided.invoiceNumber(), "the voided number stays on record");
        assertTrue(heard.contains("voided " + r.number()));
        // a voided invoice frees the document for a new request
        assertEquals(InvoiceStatus.REQUESTED, service.request(special(s), CASHIER).status());
    }

    @Test
    void anIssuedInvoiceOfAReversedDocumentShowsItMustBeVoided() {
        Settlement s = desk.settled("420.00");
        Invoice r = service.request(special(s), CASHIER);
        Invoice issued = service.issue(r.id(), r.version(), nextNumber(), null, CASHIER);
        assertFalse(issued.mustVoid());
        desk.reverse(s);
        Invoice after = service.get(issued.id(), CASHIER);
        assertTrue(after.settlementReversed());
        assertTrue(after.mustVoid());
        DmsException again = assertThrows(DmsException.class, () -> service.request(special(s), CASHIER));
        assertEquals("settlement.reversed", code(again));
        Invoice voided = service.voidInvoice(after.id(), after.version(), "结算单已红冲", MANAGER);
        assertFalse(voided.mustVoid());
        DmsException reversed = assertThrows(DmsException.class, () -> service.request(special(s), CASHIER));
        assertEquals("settlement.reversed", code(reversed));
    }

    @Test
    void aRequestOfAReversedDocumentIsNotIssued() {
        Settlement s = desk.settled("430.00");
        Invoice r = service.request(ordinary(s, "李娜"), CASHIER);
        desk.reverse(s);
        Invoice flagged = service.get(r.id(), CASHIER);
        assertTrue(flagged.settlementReversed());
        DmsException e = assertThrows(DmsException.class, () -> service.issue(r.id(), flagged.version(),
                nextNumber(), null, CASHIER));
        assertEquals("settlement.reversed", code(e));
        assertEquals(InvoiceStatus.REQUESTED, service.get(r.id(), CASHIER).status());
    }

    // ---------------------------------------------------------------- lists and export

    @Test
    void theExportHasTheDaysRequestsWithTheirAmounts() {
        Settlement s1 = desk.settled("610.00");
        Settlement s2 = desk.settled("620.00");
        Invoice a = service.request(special(s1), CASHIER);
        Invoice b = service.request(ordinary(s2, "李娜"), CASHIER);
        service.issue(b.id(), b.version(), nextNumber(), null, CASHIER);
        List<Invoice> rows = service.export(TODAY, TODAY, null, CASHIER);
        Invoice ra = rows.stream().filter(i -> i.id() == a.id()).findFirst().orElseThrow();
        assertEquals(s1.gross(), ra.total());
        assertEquals(USCC, ra.taxpayerNumber());
        assertTrue(rows.stream().anyMatch(i -> i.id() == b.id()));
        List<Invoice> requested = service.export(TODAY, TODAY, InvoiceStatus.REQUESTED, CASHIER);
        assertTrue(requested.stream().anyMatch(i -> i.id() == a.id()));
        assertFalse(requested.stream().anyMatch(i -> i.id() == b.id()));
        assertTrue(service.export(TODAY.minusDays(3), TODAY.minusDays(1), null, CASHIER).isEmpty());
        assertTrue(service.list(new InvoiceQuery(null, null, null, s1.id()), CASHIER).stream()
                .allMatch(i -> i.settlementId() == s1.id()));

        DmsException backwards = assertThrows(DmsException.class, () -> service.export(TODAY, TODAY.minusDays(1),
                null, CASHIER));
        assertEquals("to", field(backwards));
        DmsException none = assertThrows(DmsException.class, () -> service.export(null, null, null, CASHIER));
        assertEquals(List.of("from", "to"), none.violations().stream().map(Violation::field).toList());
        assertEquals(DmsException.Kind.FORBIDDEN,
                assertThrows(DmsException.class, () -> service.export(TODAY, TODAY, null, ADVISOR)).kind());
    }

    @Test
    void theTrailKeepsTheBankAccountMasked() {
        Settlement s = desk.settled("700.00");
        Invoice r = service.request(special(s), CASHIER);
        assertEquals(0, db.count("SELECT COUNT(*) FROM audit_change WHERE record_type = 'invoice' AND record_id = '"
                + r.id() + "' AND new_value LIKE '%" + r.bankAccount() + "%'"));
        assertNotNull(r.bankAccount());
        assertNull(r.invoiceNumber());
    }

    interface Attempt {
        Object run(int n) throws Exception;
    }

    /** n callers at the same moment; each outcome is the value or the exception. */
    static List<Object> race(int n, Attempt attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Object>> all = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                int k = i;
                all.add(pool.submit(() -> {
                    go.await();
                    try {
                        return attempt.run(k);
                    } catch (DmsException e) {
                        return e;
                    }
                }));
            }
            go.countDown();
            List<Object> out = new ArrayList<>();
            for (Future<Object> f : all) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdown();
        }
    }
}
