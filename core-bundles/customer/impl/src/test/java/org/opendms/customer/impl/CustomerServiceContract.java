package org.opendms.customer.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.persistence.LockModeType;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opendms.audit.impl.JpaAuditTrail;
import org.opendms.customer.api.Customer;
import org.opendms.customer.api.CustomerDraft;
import org.opendms.customer.api.CustomerField;
import org.opendms.customer.api.CustomerQuery;
import org.opendms.customer.api.CustomerType;
import org.opendms.customer.api.PersonalDataAccess;
import org.opendms.customer.api.PersonalDataAccessEntry;
import org.opendms.customer.api.PersonalDataAccessQuery;
import org.opendms.customer.api.event.CustomerEvent;
import org.opendms.customer.api.event.CustomerListener;
import org.opendms.platform.api.ChangeKind;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.Channel;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Page;
import org.opendms.platform.api.PageRequest;
import org.opendms.platform.api.Roles;
import org.opendms.platform.api.Violation;
import org.opendms.platform.api.jpa.DeadlockRetry;
import org.opendms.platform.api.jpa.PagedSearch;
import org.opendms.platform.testing.TestDatabase;
import org.opendms.platform.testing.TestPermissions;
import org.opendms.platform.testing.TestShopClock;

/** The customer archive's rules, on a real database migrated by the real changelog. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CustomerServiceContract {

    static final Actor ADVISOR = new Actor("advisor", Set.of("advisor"), Channel.REST);
    static final Actor TECHNICIAN = new Actor("technician", Set.of("technician"), Channel.REST);
    static final Actor MANAGER = new Actor("manager", Set.of("manager"), Channel.CONSOLE);
    private static final AtomicInteger NUMBERS = new AtomicInteger(10000000);

    TestDatabase db;
    JpaCustomerService service;

    abstract TestDatabase database();

    @BeforeAll
    void migrate() {
        db = database();
        assertEquals("customer-004-name-pieces",
                db.migrate("db/org.opendms.customer.impl/changelog.xml"));
        service = new JpaCustomerService();
        service.jpa = db.jpa("dms-customer");
        service.permissions = TestPermissions.of();
        service.clock = TestShopClock.system();
        db.migrate("db/org.opendms.audit.impl/changelog.xml");
        service.audit = new JpaAuditTrail(db.jpa("dms-audit"), service.clock, service.permissions);
    }

    @AfterAll
    void drop() {
        if (db != null) {
            db.close();
        }
    }

    static String newMobile() {
        return "139" + NUMBERS.incrementAndGet();
    }

    static CustomerDraft person(String name, String mobile) {
        return new CustomerDraft(CustomerType.PERSON, name, mobile, null, null, List.of(), false, null);
    }

    private long rows() {
        return db.count("SELECT COUNT(*) FROM customer");
    }

    @Test
    void createsACustomerAndShowsTheMobileMasked() {
        String mobile = newMobile();
        Customer c = service.create(new CustomerDraft(CustomerType.PERSON, "  张伟 ", "+86 " + mobile, "zhangwei_88",
                "北京市朝阳区建国路 88 号", List.of("VIP", "车队", "VIP"), true, "喜欢周末来店"), ADVISOR);
        assertEquals("张伟", c.name());
        assertEquals(mobile.substring(0, 3) + "****" + mobile.substring(7), c.mobileMasked());
        assertEquals(List.of("VIP", "车队"), c.tags().stream().sorted().toList());
        assertTrue(c.marketingConsent());
        assertNotNull(c.marketingConsentAt());
        assertEquals("advisor", c.createdBy());
        Customer read = service.get(c.id());
        assertEquals(c.mobileMasked(), read.mobileMasked());
        assertEquals(mobile, service.revealMobile(c.id(), ADVISOR).value());
    }

    @Test
    void refusesTheSameMobileTwiceAndStoresNothing() {
        String mobile = newMobile();
        Customer first = service.create(person("李娜", mobile), ADVISOR);
        long before = rows();
        DmsException e = assertThrows(DmsException.class,
                () -> service.create(person("李娜二号", mobile.substring(0, 3) + " " + mobile.substring(3)), ADVISOR));
        assertEquals(DmsException.Kind.CONFLICT, e.kind());
        assertEquals("mobile", e.violations().get(0).field());
        assertTrue(e.violations().get(0).messageZh().contains(String.valueOf(first.id())));
        assertEquals(before, rows());
    }

    @Test
    void namesEveryWrongFieldAtOnceAndStoresNothing() {
        long before = rows();
        long accessRows = db.count("SELECT COUNT(*) FROM customer_pii_access");
        DmsException e = assertThrows(DmsException.class, () -> service.create(new CustomerDraft(null, " ",
                "12345", "1bad", "x".repeat(201), List.of("ok", ""), null, "n".repeat(501)), ADVISOR));
        assertEquals(DmsException.Kind.INVALID_INPUT, e.kind());
        assertEquals(List.of("type", "name", "mobile", "wechatId", "address", "note", "tags[1]"),
                e.violations().stream().map(Violation::field).toList());
        e.violations().forEach(v -> assertFalse(v.messageZh().isBlank() || v.messageEn().isBlank()));
        assertEquals(before, rows());
        assertEquals(accessRows, db.count("SELECT COUNT(*) FROM customer_pii_access"));
    }

    @Test
    void refusesAHugeNameWithoutStoringIt() {
        long before = rows();
        DmsException e = assertThrows(DmsException.class,
                () -> service.create(person("王".repeat(100_000), newMobile()), ADVISOR));
        assertEquals("name", e.violations().get(0).field());
        assertEquals("too_long", e.violations().get(0).code());
        assertEquals(before, rows());
    }

    @Test
    void aCompanyMayHaveNoMobileButAPersonMust() {
        Customer a = service
                .create(new CustomerDraft(CustomerType.COMPANY, "顺丰速运车队", null, null, null, null, null, null), ADVISOR);
        Customer b = service.create(new CustomerDraft(CustomerType.COMPANY, "滴滴车队", "", null, null, null, null, null),
                ADVISOR);
        assertNull(a.mobileMasked());
        assertNull(b.mobileMasked());
        DmsException e = assertThrows(DmsException.class, () -> service.create(person("赵六", null), ADVISOR));
        assertEquals("mobile", e.violations().get(0).field());
    }

    @Test
    void findsCustomersByNameFragmentAndMobileTail() {
        String mobile = newMobile();
        Customer c = service.create(person("欧阳修远", mobile), ADVISOR);
        assertTrue(ids(service.search(CustomerQuery.text("阳修"), PageRequest.of(0, 50))).contains(c.id()));
        assertTrue(
                ids(service.search(CustomerQuery.text(mobile.substring(7)), PageRequest.of(0, 50))).contains(c.id()));
        assertTrue(ids(service.search(CustomerQuery.text(mobile), PageRequest.of(0, 50))).contains(c.id()));
        // the tail or, from seven digits, the start; four digits from the middle of the number are not the tail
        assertTrue(ids(service.search(CustomerQuery.text(mobile.substring(0, 7)), PageRequest.of(0, 50)))
                .contains(c.id()));
        assertFalse(ids(service.search(CustomerQuery.text(mobile.substring(3, 7)), PageRequest.of(0, 50)))
                .contains(c.id()));
        assertFalse(ids(service.search(CustomerQuery.text("不存在的名字"), PageRequest.of(0, 50))).contains(c.id()));
        assertTrue(ids(service.search(new CustomerQuery("京A99999", Set.of(c.id())), PageRequest.of(0, 50)))
                .contains(c.id()));
    }

    /**
     * One or two characters find every name holding them anywhere, as a longer text does (on PostgreSQL from the
     * index of one- and two-character pieces, on Derby by reading the names).
     */
    @Test
    void oneOrTwoCharactersFindTheNamesHoldingThemAnywhere() {
        // a rare character (CJK extension A) no other test's names hold
        String mark = String.valueOf(Character.toChars(0x3400 + NUMBERS.incrementAndGet() % 6000));
        Customer first = service.create(person(mark + "甲一", newMobile()), ADVISOR);
        Customer middle = service.create(person("乙" + mark + "甲二", newMobile()), ADVISOR);
        Customer last = service.create(person("丙丁" + mark, newMobile()), ADVISOR);
        Customer company = service.create(new CustomerDraft(CustomerType.COMPANY, "汽车服务" + mark + "甲有限公司",
                null, null, null, List.of(), false, null), ADVISOR);
        Customer apart = service.create(person(mark + "乙甲", newMobile()), ADVISOR);

        assertEquals(List.of(apart.id(), company.id(), last.id(), middle.id(), first.id()),
                ids(service.search(CustomerQuery.text(mark), PageRequest.of(0, 50))));
        assertEquals(List.of(company.id(), middle.id(), first.id()),
                ids(service.search(CustomerQuery.text(mark + "甲"), PageRequest.of(0, 50))));
        assertEquals(List.of(last.id()), ids(service.search(CustomerQuery.text("丁" + mark), PageRequest.of(0, 50))));
        assertEquals(List.of(), ids(service.search(CustomerQuery.text("甲" + mark), PageRequest.of(0, 50))));
        // the search form: a full-width, upper-case name is found by the two letters typed in either spelling
        Customer latin = service.create(person("Ｑｉ" + mark, newMobile()), ADVISOR);
        assertTrue(ids(service.search(CustomerQuery.text("qI"), PageRequest.of(0, 200))).contains(latin.id()));
    }

    @Test
    void twoCharactersWithWildcardsAreTakenLiterally() {
        int n = NUMBERS.incrementAndGet();
        Customer wild = service.create(person("百分%_号" + n, newMobile()), ADVISOR);
        Customer plain = service.create(person("百分号" + n, newMobile()), ADVISOR);
        List<Long> found = ids(service.search(CustomerQuery.text("%_"), PageRequest.of(0, 200)));
        assertTrue(found.contains(wild.id()));
        assertFalse(found.contains(plain.id()));
        assertTrue(ids(service.search(CustomerQuery.text("分%"), PageRequest.of(0, 200))).contains(wild.id()));
        found = ids(service.search(CustomerQuery.text("百_"), PageRequest.of(0, 200)));
        assertFalse(found.contains(wild.id()));
        assertFalse(found.contains(plain.id()));
    }

    @Test
    void searchTreatsPercentAndUnderscoreLiterally() {
        Customer c = service.create(person("Ms 100%_Real", newMobile()), ADVISOR);
        assertEquals(List.of(c.id()), ids(service.search(CustomerQuery.text("100%_r"), PageRequest.of(0, 50))));
        assertTrue(ids(service.search(CustomerQuery.text("0%_"), PageRequest.of(0, 50))).contains(c.id()));
        assertFalse(ids(service.search(CustomerQuery.text("1_0"), PageRequest.of(0, 50))).contains(c.id()));
    }

    @Test
    void pagesCountTheWholeResult() {
        String family = "分页测试" + NUMBERS.incrementAndGet();
        for (int i = 0; i < 5; i++) {
            service.create(person(family + i, newMobile()), ADVISOR);
        }
        Page<Customer> second = service.search(CustomerQuery.text(family), PageRequest.of(1, 2));
        assertEquals(5, second.total());
        assertEquals(2, second.items().size());
        assertEquals(1, service.search(CustomerQuery.text(family), PageRequest.of(2, 2)).items().size());
    }

    @Test
    void aLongListCountsUpToTheLimitAndSaysSoAndTagsComeWithTheWholePage() throws Exception {
        String family = "长名单" + NUMBERS.incrementAndGet();
        int many = PagedSearch.COUNT_LIMIT + 5;
        try (Connection c = db.dataSource().getConnection(); PreparedStatement insert = c.prepareStatement(
                "INSERT INTO customer (customer_type, name, name_search, marketing_consent, created_at, created_by,"
                        + " updated_at, updated_by, version) VALUES ('PERSON', ?, ?, false, ?, 'import', ?, 'import', 1)")) {
            Timestamp now = Timestamp.from(Instant.now());
            for (int i = 0; i < many; i++) {
                insert.setString(1, family + i);
                insert.setString(2, family + i);
                insert.setTimestamp(3, now);
                insert.setTimestamp(4, now);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        Customer tagged = service.create(new CustomerDraft(CustomerType.PERSON, family + "VIP", newMobile(), null, null,
                List.of("VIP", "车队"), false, null), ADVISOR);

        Page<Customer> first = service.search(CustomerQuery.text(family), PageRequest.of(0, 20));
        assertEquals(PagedSearch.COUNT_LIMIT, first.total(), "counted up to the limit");
        assertFalse(first.totalExact(), "more than the limit match: the total is a lower bound");
        assertEquals(tagged.id(), first.items().get(0).id());
        assertEquals(List.of("VIP", "车队"), first.items().get(0).tags());

        Page<Customer> last = service.search(CustomerQuery.text(family), PageRequest.of(many / 100, 100));
        assertEquals(many + 1, last.total(), "the last page knows the exact number without counting");
        assertTrue(last.totalExact());
        Page<Customer> few = service.search(CustomerQuery.text(family + "VIP"), PageRequest.of(0, 20));
        assertEquals(1, few.total());
        assertTrue(few.totalExact());
        // few matches: the page is read by its keys, and the tags still come with it
        assertEquals(List.of("VIP", "车队"), few.items().get(0).tags());
    }

    @Test
    void aStaleVersionIsRefusedAndTheNewerChangeKept() {
        Customer c = service.create(person("孙七", newMobile()), ADVISOR);
        Customer changed = service.update(c.id(), c.version(), person("孙七（改）", newMobile()), ADVISOR);
        assertTrue(changed.version() > c.version());
        DmsException e = assertThrows(DmsException.class,
                () -> service.update(c.id(), c.version(), person("孙七（旧页面）", newMobile()), MANAGER));
        assertEquals(DmsException.Kind.CONFLICT, e.kind());
        assertEquals("version", e.violations().get(0).field());
        assertEquals("孙七（改）", service.get(c.id()).name());
    }

    @Test
    void aTechnicianMayNotCreateOrSeeTheFullMobile() {
        long before = rows();
        DmsException e = assertThrows(DmsException.class, () -> service.create(person("周八", newMobile()), TECHNICIAN));
        assertEquals(DmsException.Kind.FORBIDDEN, e.kind());
        assertEquals(before, rows());
        Customer c = service.create(person("周八", newMobile()), ADVISOR);
        long reads = db.count("SELECT COUNT(*) FROM customer_pii_access WHERE action = 'READ'");
        assertThrows(DmsException.class, () -> service.revealMobile(c.id(), TECHNICIAN));
        assertEquals(reads, db.count("SELECT COUNT(*) FROM customer_pii_access WHERE action = 'READ'"));
    }

    @Test
    void recordsWhoReadAndChangedPersonalData() {
        Customer c = service.create(person("吴九", newMobile()), ADVISOR);
        service.revealMobile(c.id(), ADVISOR);
        service.update(c.id(), c.version(), person("吴九", newMobile()), MANAGER);
        List<PersonalDataAccess> log = service.personalDataAccess(c.id(), MANAGER);
        List<String> lines = log.stream().map(a -> a.action() + " " + a.field() + " " + a.actor() + " " + a.channel())
                .toList();
        assertEquals(List.of("UPDATE mobile manager CONSOLE", "READ mobile advisor REST"), lines.subList(0, 2));
        // both written by the create, in one transaction: their order does not matter
        assertEquals(Set.of("CREATE mobile advisor REST", "CREATE name advisor REST"), Set.copyOf(lines.subList(2, 4)));
        assertThrows(DmsException.class, () -> service.personalDataAccess(c.id(), ADVISOR));
    }

    @Test
    void anUnknownCustomerIsNotFound() {
        DmsException e = assertThrows(DmsException.class, () -> service.get(Long.MAX_VALUE));
        assertEquals(DmsException.Kind.NOT_FOUND, e.kind());
    }

    private static List<Long> ids(Page<Customer> page) {
        return page.items().stream().map(Customer::id).toList();
    }

    @Test
    void storesTheShopClocksTimeAsCreatedAndUpdated() {
        Instant at = Instant.parse("2026-11-22T02:15:30.123456Z");
        service.clock = TestShopClock.fixed(at);
        try {
            String mobile = newMobile();
            Customer c = service.create(person("钟表", mobile), ADVISOR);
            assertEquals(at, c.createdAt());
            assertEquals(at, service.get(c.id()).updatedAt());
            Instant later = at.plusSeconds(3600);
            service.clock = TestShopClock.fixed(later);
            Customer changed = service.update(c.id(), c.version(), person("钟表二", mobile), MANAGER);
            assertEquals(at, service.get(c.id()).createdAt());
            assertEquals(later, service.get(c.id()).updatedAt());
            assertEquals("manager", changed.updatedBy());
        } finally {
            service.clock = TestShopClock.system();
        }
    }

    @Test
    void aFailingListenerNeitherUndoesTheChangeNorStopsTheOtherListeners() {
        List<CustomerEvent> told = new ArrayList<>();
        CustomerListener failing = event -> {
            throw new IllegalStateException("plugin bug");
        };
        service.listeners = List.of(failing, told::add);
        try {
            String mobile = newMobile();
            Customer c = service.create(person("李听", mobile), ADVISOR);
            Customer changed = service.update(c.id(), c.version(), person("李听听", mobile), ADVISOR);
            assertEquals("李听听", service.get(c.id()).name());
            assertEquals(List.of(ChangeKind.CREATED, ChangeKind.CHANGED),
                    told.stream().map(CustomerEvent::kind).toList());
            assertEquals(changed, told.get(1).after());
            assertEquals(c, told.get(1).before());
        } finally {
            service.listeners = List.of();
        }
    }

    /**
     * Two desks change the same two customers in opposite order: the database breaks the deadlock by failing one
     * transaction, which {@link DeadlockRetry} runs again, so both changes land.
     */
    @Test
    void aDeadlockVictimIsRunAgainAndBothChangesLand() throws Exception {
        if ("derby".equals(db.kind())) {
            // Derby looks for deadlocks only after 20 s by default
            try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
                st.execute("CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('derby.locks.deadlockTimeout', '1')");
                st.execute("CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('derby.locks.waitTimeout', '10')");
            }
        }
        long a = service.create(person("锁甲", newMobile()), ADVISOR).id();
        long b = service.create(person("锁乙", newMobile()), ADVISOR).id();
        CyclicBarrier bothHoldOne = new CyclicBarrier(2);
        AtomicInteger runs = new AtomicInteger();
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> noteBoth(a, b, "甲先", bothHoldOne, runs));
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> noteBoth(b, a, "乙先", bothHoldOne, runs));
        CompletableFuture.allOf(first, second).get(60, TimeUnit.SECONDS);

        assertEquals(3, runs.get(), "two transactions and the victim's second run");
        assertTrue(List.of("甲先", "乙先").contains(service.get(a).note()));
        assertEquals(service.get(a).note(), service.get(b).note(), "the transaction that ran last wrote both rows");
    }

    /** Locks one customer, waits (on its first run only) until the other desk holds the other, then locks that. */
    private void noteBoth(long firstId, long secondId, String note, CyclicBarrier bothHoldOne, AtomicInteger runs) {
        boolean[] retried = { false };
        DeadlockRetry.run(() -> service.jpa.tx(em -> {
            runs.incrementAndGet();
            em.find(CustomerEntity.class, firstId, LockModeType.PESSIMISTIC_WRITE).note = note;
            em.flush();
            if (!retried[0]) {
                retried[0] = true;
                try {
                    bothHoldOne.await(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            em.find(CustomerEntity.class, secondId, LockModeType.PESSIMISTIC_WRITE).note = note;
            em.flush();
        }));
    }

    // ------------------------------------------------------------------ personal data by role

    /** What each role has hidden: the workshop sees whose car it is, the desk and the cashier what they work with. */
    private static final Map<String, List<String>> MASKED = Map.of(Roles.ADMIN, List.of(), Roles.MANAGER, List.of(),
            Roles.ADVISOR, List.of(), Roles.CASHIER, List.of("note"), Roles.TECHNICIAN,
            List.of("mobileMasked", "wechatId", "address", "note"), Roles.PARTS,
            List.of("mobileMasked", "wechatId", "address", "note"), Roles.FOREMAN,
            List.of("mobileMasked", "wechatId", "address", "note"), Roles.INSPECTOR,
            List.of("mobileMasked", "wechatId", "address", "note"));

    private static String value(Customer c, CustomerField f) {
        return switch (f) {
        case MOBILE -> c.mobileMasked();
        case WECHAT_ID -> c.wechatId();
        case ADDRESS -> c.address();
        case NOTE -> c.note();
        };
    }

    @Test
    void eachRoleSeesExactlyTheCustomerFieldsItsWorkNeeds() {
        String name = "郑秀" + NUMBERS.incrementAndGet();
        Customer whole = service.create(new CustomerDraft(CustomerType.PERSON, name, newMobile(), "zhengxiu_01",
                "上海市徐汇区漕溪北路 1 号", List.of("VIP"), true, "只在周末接电话"), ADVISOR);
        assertEquals(Set.copyOf(Roles.ALL), MASKED.keySet());
        for (String role : Roles.ALL) {
            Actor actor = new Actor(role + "-user", Set.of(role), Channel.REST);
            Customer read = service.get(whole.id(), actor);
            Customer found = service.search(CustomerQuery.text(name), PageRequest.of(0, 5), actor).items().get(0);
            for (Customer seen : List.of(read, found)) {
                assertEquals(MASKED.get(role), seen.masked(), role);
                for (CustomerField f : CustomerField.values()) {
                    boolean hidden = MASKED.get(role).contains(f.json());
                    assertEquals(hidden ? null : value(whole, f), value(seen, f), role + " " + f);
                }
                assertEquals(name, seen.name(), role);
                assertEquals(List.of("VIP"), seen.tags(), role);
                assertEquals(whole.version(), seen.version(), role);
            }
        }
        // code acting for no person (listeners, checks) still reads every field
        assertEquals(List.of(), service.get(whole.id()).masked());
        assertEquals("只在周末接电话", service.get(whole.id()).note());
    }

    /** The attack of issue 10: narrowing a search digit by digit to rebuild a mobile the role may not read. */
    @Test
    void aRoleThatMayNotReadMobilesFindsNobodyByPartOfOneAndEverySearchIsRecorded() {
        String mobile = newMobile();
        Customer c = service.create(person("冯十一", mobile), ADVISOR);
        Actor technician = new Actor("tech-" + NUMBERS.incrementAndGet(), Set.of(Roles.TECHNICIAN), Channel.REST);
        List<String> tried = new ArrayList<>();
        for (int n = 4; n < 11; n++) {
            tried.add(mobile.substring(11 - n));
            if (n >= 7) {
                tried.add(mobile.substring(0, n));
            }
        }
        for (String digits : tried) {
            assertFalse(ids(service.search(CustomerQuery.text(digits), PageRequest.of(0, 200), technician))
                    .contains(c.id()), digits);
            assertTrue(ids(service.search(CustomerQuery.text(digits), PageRequest.of(0, 200), ADVISOR))
                    .contains(c.id()), digits);
        }
        // the whole number, in any spelling, and the name still find the customer
        assertEquals(List.of(c.id()), ids(service.search(CustomerQuery.text("+86 " + mobile.substring(0, 3) + " "
                + mobile.substring(3)), PageRequest.of(0, 5), technician)));
        assertTrue(ids(service.search(CustomerQuery.text("冯十一"), PageRequest.of(0, 200), technician)).contains(c.id()));
        // a search without text lists, it searches nothing personal: not recorded
        service.search(CustomerQuery.text(" "), PageRequest.of(0, 1), technician);

        Page<PersonalDataAccessEntry> log = service.personalDataAccessLog(
                new PersonalDataAccessQuery(technician.username(), null, null, null, null), PageRequest.of(0, 100),
                MANAGER);
        assertEquals(tried.size() + 2, log.total());
        PersonalDataAccessEntry byName = log.items().get(0);
        assertEquals(PersonalDataAccess.Action.SEARCH, byName.action());
        assertEquals("冯**", byName.searched());
        assertNull(byName.customerId());
        assertEquals("q", byName.field());
        assertEquals(Channel.REST, byName.channel());
        assertTrue(byName.results() >= 1);
        PersonalDataAccessEntry whole = log.items().get(1);
        assertEquals(mobile.substring(0, 3) + "****" + mobile.substring(7), whole.searched());
        assertEquals(1L, whole.results());
        PersonalDataAccessEntry firstTry = log.items().get(log.items().size() - 1);
        assertEquals(mobile.charAt(7) + "***", firstTry.searched());
        assertEquals(0L, firstTry.results());
        for (PersonalDataAccessEntry e : log.items()) {
            assertEquals(technician.username(), e.actor());
            assertFalse(e.searched().contains(mobile.substring(3, 7)), e.searched());
        }
    }

    @Test
    void theAccessRecordIsSearchedByWhoWhenAndWhatAndOnlyByManagement() {
        Actor desk = new Actor("desk-" + NUMBERS.incrementAndGet(), Set.of(Roles.ADVISOR), Channel.REST);
        Instant monday = Instant.parse("2026-11-30T01:00:00Z"); // 09:00 in Shanghai
        Customer c;
        service.clock = TestShopClock.fixed(monday);
        try {
            c = service.create(person("褚十二", newMobile()), desk);
            service.search(CustomerQuery.text("褚十二"), PageRequest.of(0, 5), desk);
            service.clock = TestShopClock.fixed(monday.plusSeconds(86_400));
            service.revealMobile(c.id(), desk);
            service.search(CustomerQuery.text("褚"), PageRequest.of(0, 5), desk);
        } finally {
            service.clock = TestShopClock.system();
        }
        LocalDate mon = LocalDate.parse("2026-11-30");
        LocalDate tue = mon.plusDays(1);
        assertEquals(5, log(desk.username(), null, null, null, null).total(),
                "name and mobile created, a read, two searches");
        assertEquals(List.of("SEARCH", "READ"), log(desk.username(), tue, tue, null, null).items().stream()
                .map(e -> e.action().name()).toList());
        assertEquals(3, log(desk.username(), mon, mon, null, null).total());
        assertEquals(2, log(desk.username(), null, null, PersonalDataAccess.Action.SEARCH, null).total());
        assertEquals(3, log(null, null, null, null, c.id()).total(), "a customer's reads and changes, not searches");
        assertEquals(0, log(desk.username(), tue.plusDays(1), null, null, null).total());

        DmsException backwards = assertThrows(DmsException.class, () -> log(null, tue, mon, null, null));
        assertEquals("to", backwards.violations().get(0).field());
        assertEquals("before_from", backwards.violations().get(0).code());
        DmsException advisor = assertThrows(DmsException.class, () -> service.personalDataAccessLog(
                PersonalDataAccessQuery.all(), PageRequest.of(0, 5), ADVISOR));
        assertEquals(DmsException.Kind.FORBIDDEN, advisor.kind());
    }

    private Page<PersonalDataAccessEntry> log(String actor, LocalDate from, LocalDate to,
            PersonalDataAccess.Action action, Long customerId) {
        return service.personalDataAccessLog(new PersonalDataAccessQuery(actor, from, to, action, customerId),
                PageRequest.of(0, 50), MANAGER);
    }
}
