package org.opendms.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Dictionary;
import java.util.Hashtable;

import javax.inject.Inject;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/** Appointments over real HTTP: booking into slots within the workshop's capacity, cancelling, arrival, refusals. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class AppointmentRestIT extends DmsTestSupport {

    @Inject
    protected ConfigurationAdmin configurations;

    @Before
    public void platformAnswers() throws Exception {
        awaitPlatform();
    }

    /** A day in the coming months that no other check books (the shop's calendar). */
    private static LocalDate freshDay() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1 + unique() % 150);
    }

    private static String draft(LocalDate day, String start) {
        return "{\"plate\":\"京a·" + (10000 + unique() % 89999) + "\",\"channel\":\"PHONE\",\"date\":\"" + day
                + "\",\"start\":\"" + start + "\",\"advisor\":\"advisor\",\"concerns\":[\"保养\",\"刹车异响\"]}";
    }

    private static int booked(LocalDate day, int slot) throws Exception {
        return call("GET", "appointments/slots?date=" + day, "advisor", null).json().path(slot).path("booked").asInt();
    }

    /** The workshop's capacity as the admin sets it; waits until bookings see it. */
    private void capacity(int bays, LocalDate probeDay) throws Exception {
        Configuration c = configurations.getConfiguration("org.opendms.appointment", "?");
        Dictionary<String, Object> values = c.getProperties() == null ? new Hashtable<>() : c.getProperties();
        values.put("bays", bays);
        c.update(values);
        long deadline = System.currentTimeMillis() + 30_000;
        Reply slots = call("GET", "appointments/slots?date=" + probeDay, "advisor", null);
        while (slots.json() == null || slots.json().path(0).path("capacity").asInt() != bays) {
            assertTrue("capacity " + bays + " not applied; last " + slots.status() + " " + slots.raw(),
                    System.currentTimeMillis() < deadline);
            Thread.sleep(100);
            slots = call("GET", "appointments/slots?date=" + probeDay, "advisor", null);
        }
    }

    @Test
    public void aFullSlotRefusesTheNextBookingAndACancellationFreesAPlace() throws Exception {
        LocalDate day = freshDay();
        capacity(1, day);
        try {
            Reply first = call("POST", "appointments", "advisor", draft(day, "13:30"));
            assertEquals(first.raw(), 201, first.status());
            assertTrue(first.location(),
                    first.location().endsWith("/api/appointments/" + first.json().path("id").asLong()));
            Reply full = call("POST", "appointments", "advisor", draft(day, "13:30"), "Accept-Language", "en");
            assertEquals(full.raw(), 409, full.status());
            assertEquals("slot_full", full.code(0));
            assertTrue(full.raw(), full.raw().contains("is full (1 of 1 booked)"));
            assertEquals(1, booked(day, 5));

            Reply cancelled = call("POST", "appointments/" + first.json().path("id").asLong() + "/cancel", "advisor",
                    "{\"reason\":\"客户改期\"}", "If-Match", first.etag());
            assertEquals(cancelled.raw(), 200, cancelled.status());
            assertEquals("CANCELLED", cancelled.json().path("status").asText());
            assertEquals(0, booked(day, 5));
            assertEquals(201, call("POST", "appointments", "advisor", draft(day, "13:30")).status());
        } finally {
            capacity(6, day);
        }
    }

    @Test
    public void anArrivalLinksTheWorkOrderAndAStaleOrRepeatedChangeIsRefused() throws Exception {
        // an appointment arrives on its own day only
        Reply later = call("POST", "appointments", "advisor", draft(freshDay(), "10:30"));
        Reply early = call("POST", "appointments/" + later.json().path("id").asLong() + "/arrive", "advisor",
                "{\"workOrderId\":42}", "If-Match", later.etag());
        assertEquals(early.raw(), 409, early.status());
        assertEquals("appointment.not_today", early.code(0));
        String start = todaysFreeSlot();
        org.junit.Assume.assumeTrue("no slot left today in the shop's zone", start != null);
        LocalDate day = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        Reply booked = call("POST", "appointments", "advisor", draft(day, start));
        assertEquals(booked.raw(), 201, booked.status());
        String path = "appointments/" + booked.json().path("id").asLong();
        // "arrived" links only a real work order of that car: none numbered 42 here
        Reply noSuchWorkOrder = call("POST", path + "/arrive", "advisor", "{\"workOrderId\":424242}", "If-Match",
                booked.etag());
        assertEquals(noSuchWorkOrder.raw(), 400, noSuchWorkOrder.status());
        assertEquals("workOrderId", noSuchWorkOrder.field(0));
        assertEquals("workorder.unknown", noSuchWorkOrder.code(0));
        Reply arrived = call("POST", path + "/arrive", "advisor", "{}", "If-Match", booked.etag());
        assertEquals(arrived.raw(), 200, arrived.status());
        assertTrue(arrived.raw(), arrived.json().path("workOrderId").isNull());
        Reply stale = call("POST", path + "/no-show", "advisor", null, "If-Match", booked.etag());
        assertEquals(409, stale.status());
        assertEquals("stale_version", stale.code(0));
        Reply repeated = call("POST", path + "/cancel", "advisor", "{\"reason\":\"x\"}", "If-Match", arrived.etag());
        assertEquals("not_booked", repeated.code(0));
        assertEquals("ARRIVED", call("GET", path, "cashier", null).json().path("status").asText());
        Reply found = call("GET", "appointments?from=" + day + "&to=" + day + "&status=ARRIVED", "advisor", null);
        assertTrue(found.raw(), found.raw().contains("\"id\":" + booked.json().path("id").asLong() + ","));
    }

    @Test
    public void theAdvisorIsARealAdvisorAndTheCarIsTheCustomers() throws Exception {
        Reply technician = call("POST", "appointments", "advisor",
                draft(freshDay(), "11:30").replace("\"advisor\":\"advisor\"", "\"advisor\":\"technician\""));
        assertEquals(technician.raw(), 400, technician.status());
        assertEquals("advisor", technician.field(0));
        assertEquals("staff.role", technician.code(0));
        Reply nobody = call("POST", "appointments", "advisor",
                draft(freshDay(), "11:30").replace("\"advisor\":\"advisor\"", "\"advisor\":\"nobody\""));
        assertEquals("staff.unknown", nobody.code(0));

        long n = unique();
        long owner = ok(call("POST", "customers", "advisor", "{\"type\":\"PERSON\",\"name\":\"车主甲\",\"mobile\":\""
                + "139" + String.format("%08d", n % 100_000_000L) + "\"}"), 201).path("id").asLong();
        long stranger = ok(call("POST", "customers", "advisor", "{\"type\":\"PERSON\",\"name\":\"路人乙\",\"mobile\":\""
                + "138" + String.format("%08d", n % 100_000_000L) + "\"}"), 201).path("id").asLong();
        String plate = TestData.plate(n);
        ok(call("POST", "vehicles", "advisor", "{\"vin\":\"" + TestData.vin(n) + "\",\"plate\":\"" + plate
                + "\",\"ownerId\":" + owner + "}"), 201);
        String booking = "{\"plate\":\"" + plate + "\",\"customerId\":%d,\"channel\":\"PHONE\",\"date\":\""
                + freshDay() + "\",\"start\":\"14:30\",\"advisor\":\"advisor\",\"concerns\":[\"保养\"]}";
        Reply notHis = call("POST", "appointments", "advisor", String.format(booking, stranger));
        assertEquals(notHis.raw(), 400, notHis.status());
        assertEquals("customerId", notHis.field(0));
        assertEquals("vehicle.other_owner", notHis.code(0));
        assertTrue(notHis.raw(), notHis.raw().contains("客户 " + owner));
        assertEquals(201, call("POST", "appointments", "advisor", String.format(booking, owner)).status());
    }

    @Test
    public void wrongInputNamesTheFieldAndBooksNothing() throws Exception {
        LocalDate day = freshDay();
        String good = draft(day, "15:30");
        String onTheDay = "appointments?from=" + day + "&to=" + day;
        long before = call("GET", onTheDay, "advisor", null).json().path("total").asLong();
        String[][] cases = {
                { good.replaceFirst("\"plate\":\"[^\"]*\"", "\"plate\":\"京A1\""), "plate" },
                { good.replace("\"15:30\"", "\"15:00\""), "start" },
                { good.replace("\"PHONE\"", "\"FAX\""), "channel" },
                { good.replace("[\"保养\",\"刹车异响\"]", "[]"), "concerns" },
                { good.replace("\"date\":\"" + day + "\"", "\"date\":\"2020-01-01\""), "date" },
                { good.replace("\"customerId\"", "x").replace("{\"plate\"", "{\"customerId\":99999999,\"plate\""),
                        "customerId" },
        };
        for (String[] c : cases) {
            Reply r = call("POST", "appointments", "advisor", c[0]);
            assertEquals(c[0] + " -> " + r.raw(), 400, r.status());
            assertEquals(r.raw(), c[1], r.field(0));
        }
        assertEquals(403, call("POST", "appointments", "technician", good).status());
        assertEquals(400, call("GET", "appointments/slots?date=tomorrow", "advisor", null).status());
        assertEquals(before, call("GET", onTheDay, "advisor", null).json().path("total").asLong());
    }
}
