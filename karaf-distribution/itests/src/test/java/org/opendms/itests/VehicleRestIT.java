package org.opendms.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

/** /api/vehicles over real HTTP: plates in every spelling, VIN rules, odometer history, bad input. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class VehicleRestIT extends DmsTestSupport {

    @Before
    public void platformAnswers() throws Exception {
        awaitAnswer("vehicles", "advisor", 200);
    }

    private long newCustomer() throws Exception {
        Reply c = call("POST", "customers", "advisor",
                "{\"type\":\"PERSON\",\"name\":\"车主" + unique() + "\",\"mobile\":\"" + newMobile() + "\"}");
        assertEquals(c.raw(), 201, c.status());
        return c.json().path("id").asLong();
    }

    static String vehicle(String vin, String plate, long ownerId) {
        return "{\"vin\":\"" + vin + "\",\"plate\":\"" + plate + "\",\"make\":\"大众\",\"model\":\"帕萨特\",\"year\":2022,"
                + "\"energyType\":\"PETROL\",\"ownerId\":" + ownerId + ",\"insuranceDueDate\":\"2027-03-01\"}";
    }

    private long vehicleCount() throws Exception {
        return call("GET", "vehicles?size=1", "admin", null).json().path("total").asLong();
    }

    private static String path(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Test
    public void aVehicleIsFoundByItsPlateHoweverItIsTypedAndByItsVin() throws Exception {
        long owner = newCustomer();
        long n = unique();
        String plate = TestData.plate(n);
        String vin = TestData.vin(n);
        String typed = plate.substring(0, 1) + "a·" + plate.substring(2);
        Reply created = call("POST", "vehicles", "advisor", vehicle(vin.toLowerCase(), typed, owner));
        assertEquals(created.raw(), 201, created.status());
        long id = created.json().path("id").asLong();
        assertEquals(plate, created.json().path("plate").asText());
        assertEquals(vin, created.json().path("vin").asText());

        String spaced = plate.substring(0, 1) + "a " + plate.substring(2);
        Reply byPlate = call("GET", "vehicles/by-plate/" + path(spaced), "technician", null);
        assertEquals(byPlate.raw(), 200, byPlate.status());
        assertEquals(id, byPlate.json().path("id").asLong());

        assertTrue(
                call("GET", "vehicles?q=" + path(plate.substring(3)), "advisor", null).raw().contains("\"id\":" + id));
        assertTrue(call("GET", "vehicles?q=" + vin.substring(11), "advisor", null).raw().contains("\"id\":" + id));
        assertTrue(call("GET", "customers?q=" + path(spaced), "advisor", null).raw().contains("\"id\":" + owner));
        assertEquals(404, call("GET", "vehicles/by-plate/" + path("粤B00000"), "advisor", null).status());
    }

    @Test
    public void aDuplicateVinOrActivePlateIsAConflictAndNothingIsStored() throws Exception {
        long owner = newCustomer();
        long n = unique();
        assertEquals(201,
                call("POST", "vehicles", "advisor", vehicle(TestData.vin(n), TestData.plate(n), owner)).status());
        long before = vehicleCount();
        Reply sameVin = call("POST", "vehicles", "advisor", vehicle(TestData.vin(n), TestData.plate(unique()), owner));
        assertEquals(409, sameVin.status());
        assertEquals("vin", sameVin.field(0));
        Reply samePlate = call("POST", "vehicles", "advisor",
                vehicle(TestData.vin(unique()), TestData.plate(n), owner));
        assertEquals(409, samePlate.status());
        assertEquals("plate", samePlate.field(0));
        assertEquals(before, vehicleCount());
    }

    @Test
    public void badVehicleInputNamesTheFieldAndStoresNothing() throws Exception {
        long owner = newCustomer();
        long before = vehicleCount();
        String vin = TestData.vin(unique());
        String wrongCheck = vin.substring(0, 8) + (vin.charAt(8) == '1' ? '2' : '1') + vin.substring(9);
        String[][] cases = {
                { vehicle(wrongCheck, TestData.plate(unique()), owner), "vin", "vin.check_digit" },
                { vehicle(vin.replace('A', 'O'), TestData.plate(unique()), owner), "vin", "vin.character" },
                { vehicle(vin, "京I12345", owner), "plate", "plate.format" },
                { vehicle(vin, TestData.plate(unique()), 999_999_999L), "ownerId", "not_found" },
                { vehicle(vin, TestData.plate(unique()), owner).replace("\"year\":2022", "\"year\":\"2022年\""), "year",
                        "wrong_type" },
                { vehicle(vin, TestData.plate(unique()), owner).replace("2027-03-01", "2027-02-30"), "insuranceDueDate",
                        "wrong_type" },
                { vehicle(vin, TestData.plate(unique()), owner).replace("PETROL", "STEAM"), "energyType",
                        "wrong_type" },
        };
        for (String[] c : cases) {
            Reply r = call("POST", "vehicles", "advisor", c[0]);
            assertEquals(c[0] + " → " + r.raw(), 400, r.status());
            assertEquals(c[0] + " → " + r.raw(), c[1], r.field(0));
            if (!c[2].equals("not_found")) {
                assertEquals(c[0] + " → " + r.raw(), c[2], r.code(0));
            }
        }
        assertEquals(before, vehicleCount());
    }

    @Test
    public void aLowerOdometerReadingNeedsConfirmationAndHistoryIsKept() throws Exception {
        long n = unique();
        long id = call("POST", "vehicles", "advisor", vehicle(TestData.vin(n), TestData.plate(n), newCustomer())).json()
                .path("id").asLong();
        assertEquals(201,
                call("POST", "vehicles/" + id + "/odometer", "technician", "{\"km\":52000,\"source\":\"reception\"}")
                        .status());
        Reply lower = call("POST", "vehicles/" + id + "/odometer", "advisor", "{\"km\":51000,\"source\":\"manual\"}");
        assertEquals(lower.raw(), 409, lower.status());
        assertEquals("odometer.lower", lower.code(0));
        assertTrue(lower.raw(), lower.raw().contains("52000"));
        assertEquals(1, call("GET", "vehicles/" + id + "/odometer", "advisor", null).json().size());
        Reply confirmed = call("POST", "vehicles/" + id + "/odometer", "advisor",
                "{\"km\":51000,\"source\":\"manual\",\"confirmLower\":true}");
        assertEquals(confirmed.raw(), 201, confirmed.status());
        Reply history = call("GET", "vehicles/" + id + "/odometer", "advisor", null);
        assertEquals(2, history.json().size());
        assertEquals(51000, history.json().path(0).path("km").asInt());
        assertTrue(history.json().path(0).path("confirmedLower").asBoolean());
        assertEquals(51000, call("GET", "vehicles/" + id, "advisor", null).json().path("lastOdometerKm").asInt());
    }

    @Test
    public void anUpdateIsStoredAndAStaleOneRefused() throws Exception {
        long n = unique();
        long owner = newCustomer();
        Reply created = call("POST", "vehicles", "advisor", vehicle(TestData.vin(n), TestData.plate(n), owner));
        long id = created.json().path("id").asLong();
        String etag = created.etag();
        String changed = vehicle(TestData.vin(n), TestData.plate(n), owner).replace("\"model\":\"帕萨特\"",
                "\"model\":\"迈腾\"");
        Reply updated = call("PUT", "vehicles/" + id, "advisor", changed, "If-Match", etag);
        assertEquals(updated.raw(), 200, updated.status());
        assertEquals("迈腾", call("GET", "vehicles/" + id, "technician", null).json().path("model").asText());
        Reply stale = call("PUT", "vehicles/" + id, "manager", vehicle(TestData.vin(n), TestData.plate(n), owner),
                "If-Match", etag);
        assertEquals(409, stale.status());
        assertEquals("迈腾", call("GET", "vehicles/" + id, "technician", null).json().path("model").asText());
    }
}
