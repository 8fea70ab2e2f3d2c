package org.opendms.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;

import javax.inject.Inject;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.opendms.parts.api.Catalogue;
import org.opendms.parts.api.MovementDraft;
import org.opendms.parts.api.Part;
import org.opendms.parts.api.PartDraft;
import org.opendms.parts.api.StockLedger;
import org.opendms.parts.api.Warehouse;
import org.opendms.parts.api.WarehouseKind;
import org.opendms.parts.api.Warehouses;
import org.opendms.platform.api.Actor;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The parts of a work order as the advisor and the parts clerk meet them: a part line of the catalogue, the customer's
 * approval reserves its stock, the clerk's pick list shows it reserved and where it lies, he issues it, and the work
 * order, which could not be completed before, is completed; the line keeps what it cost.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class WorkOrderPartsIT extends DmsTestSupport {

    @Inject
    Warehouses warehouses;

    @Inject
    Catalogue catalogue;

    @Inject
    StockLedger ledger;

    @Before
    public void platformAnswers() throws Exception {
        awaitPlatform();
        awaitAnswer("work-orders?status=IN_REPAIR", "advisor", 200);
    }

    private static String etag(String path) throws Exception {
        return call("GET", path, "advisor", null).etag();
    }

    @Test
    public void approvedPartIsReservedPickedIssuedAndTheWorkOrderCompletes() throws Exception {
        long n = unique();
        // the clerk's master data: a store, a part, ten received at 35 yuan
        Warehouse store = warehouses.create("WO" + (n % 100000), "工单测试库", WarehouseKind.SHOP, Actor.system());
        Part filter = catalogue.add(PartDraft.of("04152-" + n, "机油滤清器", "个", "68"), Actor.system());
        ledger.post(MovementDraft.receipt(filter.id(), store.id(), null, new BigDecimal("10"), new BigDecimal("35"),
                "RK-" + n), Actor.system());

        long owner = ok(call("POST", "customers", "advisor",
                "{\"type\":\"PERSON\",\"name\":\"孙先生\",\"mobile\":\"" + newMobile() + "\"}"), 201).path("id")
                        .asLong();
        JsonNode wo = ok(call("POST", "work-orders", "advisor", "{\"plate\":\"" + TestData.plate(n) + "\",\"vin\":\""
                + TestData.vin(n) + "\",\"ownerId\":" + owner + ",\"mileageKm\":" + (20000 + n % 1000)
                + ",\"concerns\":[{\"concern\":\"保养\"}],\"visitTypes\":[\"MAINTENANCE\"]}"), 201);
        long id = wo.path("id").asLong();
        long job = wo.path("jobs").path(0).path("id").asLong();
        String path = "work-orders/" + id;

        // a number not in the catalogue is refused; the catalogue's number, typed loosely, is taken
        Reply unknown = call("POST", path + "/jobs/" + job + "/lines", "advisor",
                "{\"type\":\"PART\",\"code\":\"999999\",\"description\":\"随便\",\"quantity\":1,\"unitPrice\":10}",
                "If-Match", etag(path));
        assertEquals(unknown.raw(), 400, unknown.status());
        assertEquals(unknown.raw(), "part.unknown", unknown.code(0));
        Reply added = call("POST", path + "/jobs/" + job + "/lines", "advisor",
                "{\"type\":\"PART\",\"code\":\"04152 " + n + "\",\"quantity\":2,\"unitPrice\":68}", "If-Match",
                etag(path));
        JsonNode line = ok(added, 200).path("jobs").path(0).path("lines").path(0);
        long lineId = line.path("id").asLong();
        assertEquals("04152-" + n, line.path("code").asText());

        // the customer approves: two are reserved at once, and the advisor's ETag stays good
        Reply approved = call("POST", path + "/jobs/" + job + "/approval", "advisor",
                "{\"approvedBy\":\"孙先生\",\"channel\":\"IN_PERSON\"}", "If-Match", added.etag());
        ok(approved, 200);
        String pick = console("dms:pick-list " + id);
        assertTrue(pick, pick.contains("04152-" + n) && pick.contains("TO_ISSUE") && pick.contains(store.code()));
        assertEquals(approved.etag(), call("GET", path, "advisor", null).etag());

        // through repair and QC (nothing clocked: the manager says why); completing is refused until it is issued
        Reply r = call("POST", path + "/status", "advisor", "{\"status\":\"IN_REPAIR\"}", "If-Match", approved.etag());
        ok(r, 200);
        r = call("POST", path + "/status", "manager", "{\"status\":\"AWAITING_QC\",\"note\":\"只换机滤\"}", "If-Match",
                r.etag());
        ok(r, 200);
        for (String level : new String[] { "SELF", "FOREMAN", "FINAL" }) {
            r = call("POST", path + "/qc", "manager", "{\"level\":\"" + level + "\",\"passed\":true}", "If-Match",
                    r.etag());
            ok(r, 200);
        }
        Reply early = call("POST", path + "/status", "advisor", "{\"status\":\"COMPLETED\"}", "If-Match", r.etag());
        assertEquals(early.raw(), 409, early.status());
        assertEquals(early.raw(), "parts.not_issued", early.code(0));

        // the clerk issues from the pick list; the line keeps what it cost
        String issued = console("dms:part-issue " + id + " " + lineId);
        assertTrue(issued, issued.contains("ISSUED"));
        JsonNode after = ok(call("GET", path, "advisor", null), 200).path("jobs").path(0).path("lines").path(0);
        assertEquals("2.00", after.path("issuedQuantity").decimalValue().setScale(2).toPlainString());
        assertEquals("70.00", after.path("issueCost").decimalValue().setScale(2).toPlainString());
        Reply done = call("POST", path + "/status", "advisor", "{\"status\":\"COMPLETED\"}", "If-Match", etag(path));
        assertEquals("COMPLETED", ok(done, 200).path("status").asText());

        JsonNode timeline = ok(call("GET", path + "/timeline", "advisor", null), 200);
        StringBuilder kinds = new StringBuilder();
        timeline.forEach(s -> kinds.append(s.path("kind").asText()).append(' '));
        assertTrue(kinds.toString(), kinds.indexOf("PART_RESERVED") >= 0 && kinds.indexOf("PART_ISSUED") >= 0);
    }
}
