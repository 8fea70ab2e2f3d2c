package org.opendms.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Several people press the same button on the same version at the same moment: for every change that takes If-Match,
 * {@value #WRITERS} parallel writers with the same ETag; exactly one succeeds, every other one gets 409 with a reason
 * (problem+json naming the field), none gets a 5xx.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class ConcurrentWritersIT extends DmsTestSupport {

    private static final int WRITERS = 6;
    private static final ZoneId SHOP = ZoneId.of("Asia/Shanghai");

    private final ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
    private final List<String> summary = new ArrayList<>();

    @Before
    public void platformAnswers() throws Exception {
        awaitPlatform();
    }

    @After
    public void stopWriters() {
        pool.shutdownNow();
    }

    /**
     * Fires the writer {@value #WRITERS} times at once; checks one 2xx, the rest 409 with a reason, no 5xx. Returns
     * the winner's answer.
     */
    private Reply race(String what, Callable<Reply> writer) throws Exception {
        CountDownLatch ready = new CountDownLatch(WRITERS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Reply>> replies = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            replies.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                return writer.call();
            }));
        }
        ready.await(30, TimeUnit.SECONDS);
        go.countDown();
        Map<Integer, Integer> statuses = new TreeMap<>();
        Reply winner = null;
        List<String> answers = new ArrayList<>();
        for (Future<Reply> f : replies) {
            Reply r = f.get(120, TimeUnit.SECONDS);
            statuses.merge(r.status(), 1, Integer::sum);
            answers.add(r.status() + " " + r.raw());
            if (r.status() / 100 == 2) {
                winner = r;
            } else if (r.status() == 409) {
                assertTrue(what + ": " + r.raw(), r.contentType().startsWith("application/problem+json"));
                assertTrue(what + ": a reason: " + r.raw(), !r.code(0).isEmpty());
            }
        }
        summary.add(what + " " + statuses);
        String all = what + ": " + statuses + " " + answers;
        assertEquals(all, 0, statuses.keySet().stream().filter(s -> s >= 500).count());
        assertEquals(all, 1, statuses.entrySet().stream().filter(e -> e.getKey() / 100 == 2)
                .mapToInt(Map.Entry::getValue).sum());
        assertEquals(all, WRITERS - 1, (int) statuses.getOrDefault(409, 0));
        return winner;
    }

    private static String at(ZonedDateTime t) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.withNano(0));
    }

    @Test
    public void customersVehiclesCatalogueStaffAndPoliciesHaveOneWinner() throws Exception {
        try {
            Reply customer = ok201(call("POST", "customers", "advisor", "{\"type\":\"PERSON\",\"name\":\"并发"
                    + unique() + "\",\"mobile\":\"" + newMobile() + "\"}"));
            long owner = customer.json().path("id").asLong();
            race("PUT customers/{id}", () -> call("PUT", "customers/" + owner, "advisor",
                    "{\"type\":\"PERSON\",\"name\":\"并发改名\",\"mobile\":\"" + newMobile() + "\"}", "If-Match",
                    customer.etag()));

            long n = unique();
            Reply vehicle = ok201(call("POST", "vehicles", "advisor",
                    VehicleRestIT.vehicle(TestData.vin(n), TestData.plate(n), owner)));
            race("PUT vehicles/{id}", () -> call("PUT", "vehicles/" + vehicle.json().path("id").asLong(), "advisor",
                    VehicleRestIT.vehicle(TestData.vin(n), TestData.plate(n), owner).replace("帕萨特", "迈腾"),
                    "If-Match", vehicle.etag()));

            String code = "C" + n % 1_000_000;
            Reply op = ok201(call("POST", "labour-operations", "manager",
                    "{\"code\":\"" + code + "\",\"name\":\"四轮定位\",\"flatRateHours\":1.2}"));
            race("PUT labour-operations/{code}", () -> call("PUT", "labour-operations/" + code, "manager",
                    "{\"name\":\"四轮定位\",\"flatRateHours\":1.5}", "If-Match", op.etag()));

            String login = "race" + unique();
            Reply staff = ok201(call("POST", "staff", "admin", StaffIT.technician(login, "Li-shifu-2026")));
            Reply disabled = race("POST staff/{login}/disable",
                    () -> call("POST", "staff/" + login + "/disable", "admin", null, "If-Match", staff.etag()));
            race("POST staff/{login}/enable",
                    () -> call("POST", "staff/" + login + "/enable", "admin", null, "If-Match", disabled.etag()));

            LocalDate end = LocalDate.now(SHOP).plusMonths(6);
            long vehicleId = vehicle.json().path("id").asLong();
            String policy = "{\"vehicleId\":" + vehicleId + ",\"insurer\":\"中国人保\",\"policyNumber\":\"PDZA"
                    + unique() + "\",\"kind\":\"COMMERCIAL\",\"startDate\":\"" + end.minusYears(1).plusDays(1)
                    + "\",\"endDate\":\"" + end + "\",\"premium\":950.00}";
            Reply created = ok201(call("POST", "insurance/policies", "advisor", policy));
            race("PUT insurance/policies/{id}",
                    () -> call("PUT", "insurance/policies/" + created.json().path("id").asLong(), "advisor",
                            policy.replace("950.00", "1050.00"), "If-Match", created.etag()));
        } finally {
            System.out.println("concurrent writers: " + summary);
        }
    }

    @Test
    public void appointmentsAreCancelledOrReceivedOnce() throws Exception {
        try {
            LocalDate day = LocalDate.now(SHOP).plusDays(1 + unique() % 150);
            Reply booked = ok201(call("POST", "appointments", "advisor", appointment(day, "10:30")));
            race("POST appointments/{id}/cancel",
                    () -> call("POST", "appointments/" + booked.json().path("id").asLong() + "/cancel", "advisor",
                            "{\"reason\":\"客户改期\"}", "If-Match", booked.etag()));
            String start = todaysFreeSlot();
            if (start != null) {
                Reply today = ok201(call("POST", "appointments", "advisor", appointment(LocalDate.now(SHOP), start)));
                race("POST appointments/{id}/arrive",
                        () -> call("POST", "appointments/" + today.json().path("id").asLong() + "/arrive", "advisor",
                                "{}", "If-Match", today.etag()));
            }
        } finally {
            System.out.println("concurrent writers: " + summary);
        }
    }

    private static String appointment(LocalDate day, String start) {
        return "{\"plate\":\"" + TestData.plate(unique()) + "\",\"channel\":\"PHONE\",\"date\":\"" + day
                + "\",\"start\":\"" + start + "\",\"advisor\":\"advisor\",\"concerns\":[\"保养\"]}";
    }

    @Test
    public void everyChangeOfAWorkOrderHasOneWinner() throws Exception {
        try {
            long n = unique();
            long owner = ok201(call("POST", "customers", "advisor", "{\"type\":\"PERSON\",\"name\":\"并发工单\","
                    + "\"mobile\":\"" + newMobile() + "\"}")).json().path("id").asLong();
            String open = "{\"plate\":\"" + TestData.plate(n) + "\",\"vin\":\"" + TestData.vin(n) + "\",\"ownerId\":"
                    + owner + ",\"mileageKm\":" + (20000 + n % 1000) + ",\"concerns\":[{\"concern\":\"刹车异响\"}],"
                    + "\"visitTypes\":[\"GENERAL_REPAIR\"],"
                    + "\"promisedAt\":\"" + at(ZonedDateTime.now(SHOP).plusHours(5)) + "\"";
            Reply opened = ok201(call("POST", "work-orders", "advisor", open + "}"));
            String path = "work-orders/" + opened.json().path("id").asLong();
            long first = opened.json().path("jobs").path(0).path("id").asLong();

            Reply r = race("POST work-orders/{id}/jobs", () -> call("POST", path + "/jobs", "advisor",
                    "{\"concern\":\"空调异味\",\"payType\":\"CUSTOMER\"}", "If-Match", opened.etag()));
            long second = r.json().path("jobs").path(1).path("id").asLong();
            String fee = "{\"type\":\"FEE\",\"description\":\"检测费\",\"quantity\":1,\"unitPrice\":50}";
            Reply afterJob = r;
            r = race("POST work-orders/{id}/jobs/{jobId}/lines",
                    () -> call("POST", path + "/jobs/" + first + "/lines", "advisor", fee, "If-Match",
                            afterJob.etag()));
            ok(call("POST", path + "/jobs/" + first + "/lines", "advisor", fee, "If-Match", r.etag()), 200);
            r = call("GET", path, "advisor", null);
            JsonNode lines = r.json().path("jobs").path(0).path("lines");
            long extra = lines.path(lines.size() - 1).path("id").asLong();
            Reply beforeDelete = r;
            r = race("DELETE work-orders/{id}/jobs/{jobId}/lines/{lineId}",
                    () -> call("DELETE", path + "/jobs/" + first + "/lines/" + extra, "advisor", null, "If-Match",
                            beforeDelete.etag()));
            Reply beforeApproval = r;
            r = race("POST work-orders/{id}/jobs/{jobId}/approval",
                    () -> call("POST", path + "/jobs/" + first + "/approval", "advisor",
                            "{\"approvedBy\":\"陈先生\",\"channel\":\"IN_PERSON\"}", "If-Match", beforeApproval.etag()));
            Reply beforeDecline = r;
            r = race("POST work-orders/{id}/jobs/{jobId}/decline",
                    () -> call("POST", path + "/jobs/" + second + "/decline", "advisor",
                            "{\"reason\":\"客户下次再做\"}", "If-Match", beforeDecline.etag()));
            Reply beforeMove = r;
            r = race("PUT work-orders/{id}/promised-at",
                    () -> call("PUT", path + "/promised-at", "advisor", "{\"promisedAt\":\""
                            + at(ZonedDateTime.now(SHOP).plusDays(1)) + "\",\"reason\":\"等配件\"}", "If-Match",
                            beforeMove.etag()));
            Reply beforeDispatch = r;
            r = race("PUT work-orders/{id}/assignments/{jobId}",
                    () -> call("PUT", path + "/assignments/" + first, "foreman",
                            "{\"technicians\":[\"technician\"],\"bay\":\"A3\"}", "If-Match",
                            beforeDispatch.etag()));
            Reply beforeRepair = r;
            r = race("POST work-orders/{id}/status",
                    () -> call("POST", path + "/status", "foreman", "{\"status\":\"IN_REPAIR\"}", "If-Match",
                            beforeRepair.etag()));
            Reply beforeFindings = r;
            race("PUT work-orders/{id}/jobs/{jobId}/findings",
                    () -> call("PUT", path + "/jobs/" + first + "/findings", "foreman",
                            "{\"cause\":\"刹车片磨损到限\",\"correction\":\"更换前刹车片\"}", "If-Match",
                            beforeFindings.etag()));

            // a second work order of the same car, cancelled by several at once
            Reply again = ok201(call("POST", "work-orders", "advisor", open + ",\"confirmSecondOpen\":true}"));
            race("POST work-orders/{id}/status (cancel)",
                    () -> call("POST", "work-orders/" + again.json().path("id").asLong() + "/status", "advisor",
                            "{\"status\":\"CANCELLED\",\"note\":\"误开\"}", "If-Match", again.etag()));
        } finally {
            System.out.println("concurrent writers: " + summary);
        }
    }

    private static Reply ok201(Reply r) {
        assertEquals(r.raw(), 201, r.status());
        return r;
    }
}
