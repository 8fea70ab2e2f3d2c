package org.opendms.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import com.fasterxml.jackson.databind.JsonNode;

/** The dms:* commands as an admin types them in the Karaf console. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ConsoleIT extends DmsTestSupport {

    @Before
    public void platformAnswers() throws Exception {
        awaitPlatform();
    }

    @Test
    public void anAdminRegistersACustomerAndVehicleAndFindsItByAnyPlateSpelling() throws Exception {
        String mobile = newMobile();
        String name = "控制台客户" + unique();
        String added = console("dms:customer-add --mobile " + mobile + " --tag VIP " + name);
        Matcher id = Pattern.compile("Created customer (\\d+)").matcher(added);
        assertTrue(added, id.find());
        String customerId = id.group(1);

        String listed = console("dms:customer-list " + name);
        assertTrue(listed, listed.contains(mobile.substring(0, 3) + "****" + mobile.substring(7)));
        assertFalse(listed, listed.contains(mobile));

        String revealed = console("dms:customer-show --reveal " + customerId);
        assertTrue(revealed, revealed.contains(mobile));
        Reply log = call("GET", "customers/" + customerId + "/personal-data-access", "manager", null);
        assertEquals("READ", log.json().path(0).path("action").asText());
        assertEquals("admin", log.json().path(0).path("actor").asText());
        assertEquals("CONSOLE", log.json().path(0).path("channel").asText());

        long n = unique();
        String plate = TestData.plate(n);
        String vin = TestData.vin(n);
        String vehicle = console("dms:vehicle-add --owner " + customerId + " --plate \"" + plate.substring(0, 2) + " "
                + plate.substring(2) + "\" --make 丰田 --model 凯美瑞 " + vin);
        assertTrue(vehicle, vehicle.contains(plate));

        String found = console("dms:vehicle-find \"" + plate.substring(0, 1) + "a·" + plate.substring(2) + "\"");
        assertTrue(found, found.contains(vin));
        String byTail = console("dms:vehicle-find " + vin.substring(11));
        assertTrue(byTail, byTail.contains(plate));
    }

    @Test
    public void customersAndVehiclesShowTheirTimesInTheShopsZoneLikeWorkOrders() throws Exception {
        long n = unique();
        Reply customer = call("POST", "customers", "advisor", "{\"type\":\"PERSON\",\"name\":\"时区客户\",\"mobile\":\""
                + newMobile() + "\"}");
        assertEquals(customer.raw(), 201, customer.status());
        long customerId = customer.json().path("id").asLong();
        Reply vehicle = call("POST", "vehicles", "advisor", "{\"vin\":\"" + TestData.vin(n) + "\",\"plate\":\""
                + TestData.plate(n) + "\",\"ownerId\":" + customerId + "}");
        assertEquals(vehicle.raw(), 201, vehicle.status());
        Reply reading = call("POST", "vehicles/" + vehicle.json().path("id").asLong() + "/odometer", "technician",
                "{\"km\":1200,\"source\":\"reception\"}");
        assertEquals(reading.raw(), 201, reading.status());
        // the REST answer gives the instant; the console shows it as a shop clock reads it, to the minute
        String customerShown = shopTime(customer.json().path("createdAt").asText());
        String vehicleShown = shopTime(vehicle.json().path("createdAt").asText());

        String shownCustomer = console("dms:customer-show " + customerId);
        assertTrue(customerShown + " in " + shownCustomer,
                shownCustomer.contains("创建 Created") && shownCustomer.contains(customerShown));
        String shownVehicle = console("dms:vehicle-show " + vehicle.json().path("id").asLong());
        assertTrue(vehicleShown + " in " + shownVehicle, shownVehicle.contains(vehicleShown));
        String readShown = shopTime(reading.json().path("readAt").asText());
        assertTrue("odometer read at " + readShown + " in " + shownVehicle, shownVehicle.contains(readShown + " "));
        assertFalse("no UTC instant: " + shownVehicle, shownVehicle.matches("(?s).*\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z.*"));
    }

    private static String shopTime(String instant) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .format(java.time.OffsetDateTime.parse(instant)
                        .atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai")));
    }

    @Test
    public void aRefusedCommandSaysWhyInBothLanguagesAndStoresNothing() throws Exception {
        String out = console("dms:customer-add --mobile 12345 坏手机号");
        assertTrue(out, out.contains("mobile"));
        assertTrue(out, out.contains("手机号格式不正确"));
        assertTrue(out, out.contains("mobile must be"));
        // nobody of that name was stored (a count of all customers would also count other checks' customers)
        JsonNode found = call("GET", "customers?q=" + java.net.URLEncoder.encode("坏手机号", StandardCharsets.UTF_8),
                "admin", null).json();
        assertEquals(found.toString(), 0, found.path("items").size());
    }

    @Test
    public void theWorkOrderCommandsListShowAndMoveAWorkOrderAndRefuseAnIllegalMove() throws Exception {
        long n = unique();
        String plate = TestData.plate(n);
        long owner = call("POST", "customers", "advisor", "{\"type\":\"PERSON\",\"name\":\"控制台车主\",\"mobile\":\""
                + newMobile() + "\"}").json().path("id").asLong();
        // the vehicle file says the annual inspection is overdue: the reception reminder shows in dms:wo-show
        String overdue = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(5).toString();
        assertEquals(201,
                call("POST", "vehicles", "advisor", "{\"vin\":\"" + TestData.vin(n) + "\",\"plate\":\"" + plate
                        + "\",\"ownerId\":" + owner + ",\"inspectionDueDate\":\"" + overdue + "\"}").status());
        Reply opened = call("POST", "work-orders", "advisor", "{\"plate\":\"" + plate + "\",\"mileageKm\":4200,"
                + "\"concerns\":[{\"concern\":\"空调异味\"}],\"visitTypes\":[\"GENERAL_REPAIR\"]}");
        assertEquals(opened.raw(), 201, opened.status());
        long id = opened.json().path("id").asLong();
        String number = opened.json().path("number").asText();

        String listed = console("dms:wo-list --status AWAITING_DISPATCH " + plate.substring(2));
        assertTrue(listed, listed.contains(number) && listed.contains(plate));
        String shown = console("dms:wo-show " + id);
        assertTrue(shown, shown.contains(number) && shown.contains("空调异味") && shown.contains("version 1"));
        assertTrue(shown, shown.contains("年检已于 " + overdue + " 到期") && shown.contains("annual inspection fell due"));

        String illegal = console("dms:wo-status --version 1 " + id + " COMPLETED");
        assertTrue(illegal, illegal.contains("未执行 Not done") && illegal.contains("status: "));
        assertEquals("AWAITING_DISPATCH",
                call("GET", "work-orders/" + id, "advisor", null).json().path("status").asText());
        String moved = console("dms:wo-status --version 1 --note 客户取消 " + id + " CANCELLED");
        assertTrue(moved, moved.contains("CANCELLED"));
        Reply history = call("GET", "work-orders/" + id + "/history", "advisor", null);
        assertEquals(history.raw(), "CANCELLED", history.json().path(1).path("to").asText());
        assertEquals(history.raw(), "admin", history.json().path(1).path("username").asText());
    }
}
