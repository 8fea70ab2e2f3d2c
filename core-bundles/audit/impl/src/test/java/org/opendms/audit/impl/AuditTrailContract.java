package org.opendms.audit.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.Channel;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Page;
import org.opendms.platform.api.PageRequest;
import org.opendms.platform.api.audit.AuditEntry;
import org.opendms.platform.api.audit.AuditQuery;
import org.opendms.platform.testing.LocalJpaTemplate;
import org.opendms.platform.testing.TestDatabase;
import org.opendms.platform.testing.TestPermissions;
import org.opendms.platform.testing.TestShopClock;

/** The audit trail on a real database migrated by its real changelog. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AuditTrailContract {

    static final Actor ADVISOR = new Actor("advisor1", Set.of("advisor"), Channel.REST);
    static final Actor MANAGER = new Actor("manager1", Set.of("manager"), Channel.REST);
    static final Instant NOW = Instant.parse("2026-11-20T02:00:00Z");

    record Line(long id, String code, BigDecimal unitPrice) {
    }

    record Person(long id, String name, String mobileMasked, String address, String idNumber, String note,
            List<Line> lines, Set<String> tags, Instant updatedAt, long version) {
    }

    TestDatabase db;
    LocalJpaTemplate jpa;
    JpaAuditTrail trail;

    abstract TestDatabase database();

    @BeforeAll
    void start() {
        db = database();
        db.migrate("db/org.opendms.audit.impl/changelog.xml");
        jpa = db.jpa("dms-audit");
        trail = new JpaAuditTrail(jpa, TestShopClock.fixed(NOW), TestPermissions.of());
    }

    @AfterAll
    void stop() {
        db.close();
    }

    Person person(String address, String note, BigDecimal price, long version) {
        return new Person(7, "张三", "138****1234", address, "110101199003071234", note,
                List.of(new Line(40, "OIL", price)), Set.of("vip", "fleet"), NOW.plusSeconds(version), version);
    }

    List<AuditEntry> trailOf(String type, Object id) {
        return trail.search(AuditQuery.of(type, id), PageRequest.of(0, 200), MANAGER).items();
    }

    @Test
    void aChangeKeepsEachChangedFieldWithOldAndNewValuePersonalDataMasked() {
        Person before = person("北京市朝阳区建国路88号", "老客户", new BigDecimal("100.00"), 1);
        Person after = person("上海市浦东新区世纪大道100号", "VIP 客户", new BigDecimal("0.01"), 2);
        int n = jpa.txExpr(em -> trail.record(em, ADVISOR, "person", 7L, before, after));
        assertEquals(3, n);
        List<AuditEntry> entries = trailOf("person", 7);
        assertEquals(3, entries.size());
        Map<String, AuditEntry> byField = new LinkedHashMap<>();
        entries.forEach(e -> byField.put(e.field(), e));
        assertEquals(Set.of("address", "note", "lines[40].unitPrice"), byField.keySet());
        AuditEntry address = byField.get("address");
        assertEquals("北京市朝阳区…", address.oldValue());
        assertEquals("上海市浦东新…", address.newValue());
        assertEquals("老客户", byField.get("note").oldValue());
        assertEquals("VIP 客户", byField.get("note").newValue());
        assertEquals("100.00", byField.get("lines[40].unitPrice").oldValue());
        assertEquals("0.01", byField.get("lines[40].unitPrice").newValue());
        AuditEntry any = entries.get(0);
        assertEquals("advisor1", any.actor());
        assertEquals("REST", any.channel());
        assertEquals("CHANGED", any.action());
        assertEquals("7", any.recordId());
        assertEquals(NOW, any.at());
    }

    @Test
    void aCreationShowsEveryFieldMaskedAndBookkeepingLeftOut() {
        jpa.tx(em -> trail.record(em, ADVISOR, "created", 8L, null, person("广州市天河区", "n", BigDecimal.ONE, 1)));
        Map<String, AuditEntry> byField = new LinkedHashMap<>();
        trailOf("created", 8).forEach(e -> byField.put(e.field(), e));
        assertEquals("CREATED", byField.get("name").action());
        assertEquals(null, byField.get("name").oldValue());
        assertEquals("138****1234", byField.get("mobileMasked").newValue());
        assertEquals("110***********1234", byField.get("idNumber").newValue());
        assertEquals("[fleet, vip]", byField.get("tags").newValue());
        assertTrue(!byField.containsKey("version") && !byField.containsKey("updatedAt") && !byField.containsKey("id"),
                byField.keySet().toString());
    }

    @Test
    void aFullMobileInAMapIsMaskedTheWayTheCustomerModuleMasksIt() {
        Map<String, Object> before = Map.of("mobile", "13812341234", "owner", 5L);
        Map<String, Object> after = Map.of("mobile", "13999998888", "owner", 6L);
        trail.record(ADVISOR, "mapped", "A-1", before, after);
        Map<String, AuditEntry> byField = new LinkedHashMap<>();
        trailOf("mapped", "A-1").forEach(e -> byField.put(e.field(), e));
        assertEquals("138****1234", byField.get("mobile").oldValue());
        assertEquals("139****8888", byField.get("mobile").newValue());
        assertEquals("5", byField.get("owner").oldValue());
        assertEquals("6", byField.get("owner").newValue());
    }

    @Test
    void aChangeRolledBackLeavesNoEntry() {
        assertThrows(IllegalStateException.class, () -> jpa.tx(em -> {
            trail.record(em, ADVISOR, "rolled", 9L, Map.of("note", "a"), Map.of("note", "b"));
            throw new IllegalStateException("refused after the trail was written");
        }));
        assertEquals(0, db.count("SELECT COUNT(*) FROM audit_change WHERE record_type = 'rolled'"));
    }

    @Test
    void nothingChangedNothingRecorded() {
        Person same = person("x", "y", BigDecimal.TEN, 1);
        int recorded = jpa.txExpr(em -> trail.record(em, ADVISOR, "same", 10L, same, person("x", "y", BigDecimal.TEN,
                2)));
        assertEquals(0, recorded);
        assertEquals(0, db.count("SELECT COUNT(*) FROM audit_change WHERE record_type = 'same'"));
    }

    @Test
    void theLogIsSearchedByActorTypeFieldAndDaysPaged() {
        Actor other = new Actor("cashier9", Set.of("cashier"), Channel.CONSOLE);
        for (int i = 0; i < 5; i++) {
            int v = i;
            trail.record(other, "search", 100 + i, Map.of("price", v), Map.of("price", v + 1, "note", "n" + v));
        }
        Page<AuditEntry> byActor = trail.search(new AuditQuery(null, null, "cashier9", null, null, null),
                PageRequest.of(0, 4), MANAGER);
        assertEquals(10, byActor.total());
        assertEquals(4, byActor.items().size());
        assertTrue(byActor.items().get(0).id() > byActor.items().get(3).id(), "newest first");
        Page<AuditEntry> byField = trail.search(new AuditQuery("search", null, "cashier9", "price", null, null),
                PageRequest.of(0, 50), MANAGER);
        assertEquals(5, byField.total());
        LocalDate today = LocalDate.ofInstant(NOW, TestShopClock.SHANGHAI);
        assertEquals(10, trail.search(new AuditQuery(null, null, "cashier9", null, today, today),
                PageRequest.of(0, 50), MANAGER).total());
        assertEquals(0, trail.search(new AuditQuery(null, null, "cashier9", null, today.plusDays(1), null),
                PageRequest.of(0, 50), MANAGER).total());
        // nested field names match their last part
        trail.record(other, "nested", 1, Map.of("jobs", List.of(new Line(3, "A", BigDecimal.ONE))),
                Map.of("jobs", List.of(new Line(3, "A", BigDecimal.TEN))));
        assertEquals(1, trail.search(new AuditQuery("nested", null, null, "unitPrice", null, null),
                PageRequest.of(0, 50), MANAGER).total());
    }

    @Test
    void onlyTheManagerAndAdminReadTheTrailAndABackwardRangeIsRefusedNamingFrom() {
        DmsException refused = assertThrows(DmsException.class,
                () -> trail.search(AuditQuery.of("person", 7), PageRequest.of(0, 20), ADVISOR));
        assertEquals(DmsException.Kind.FORBIDDEN, refused.kind());
        LocalDate d = LocalDate.of(2026, 11, 20);
        DmsException backwards = assertThrows(DmsException.class, () -> trail.search(
                new AuditQuery(null, null, null, null, d, d.minusDays(1)), PageRequest.of(0, 20), MANAGER));
        assertEquals("from", backwards.violations().get(0).field());
    }

    @Test
    void thePurgeDeletesWhatIsOlderThanTheRetentionPeriodByTheShopClock() {
        JpaAuditTrail past = new JpaAuditTrail(jpa, TestShopClock.fixed(NOW.minus(Duration.ofDays(401))),
                TestPermissions.of());
        past.record(ADVISOR, "old", 1, null, Map.of("note", "long ago"));
        JpaAuditTrail recent = new JpaAuditTrail(jpa, TestShopClock.fixed(NOW.minus(Duration.ofDays(399))),
                TestPermissions.of());
        recent.record(ADVISOR, "old", 2, null, Map.of("note", "not so long ago"));
        assertTrue(trail.purge() >= 1);
        assertEquals(0, db.count("SELECT COUNT(*) FROM audit_change WHERE record_type = 'old' AND record_id = '1'"));
        assertEquals(1, db.count("SELECT COUNT(*) FROM audit_change WHERE record_type = 'old' AND record_id = '2'"));
    }
}
