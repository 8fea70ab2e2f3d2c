package org.opendms.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.opendms.itests.security.ApiOperation;
import org.opendms.itests.security.Finding;
import org.opendms.itests.security.Finding.Check;
import org.opendms.itests.security.InvalidInputs;
import org.opendms.itests.security.KnownGaps;
import org.opendms.itests.security.Probe;
import org.opendms.itests.security.StoredData;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The security suite: walks every operation of /api/openapi.json, so an operation added tomorrow is covered without a
 * test of its own, and holds every answer to the platform's rules.
 * <ol>
 * <li>as every demo role: 403 exactly when the permission table says the role lacks the operation's permission;</li>
 * <li>object-level scenarios: a technician on a work order he is not assigned to, an appointment for another
 * customer's car, people and records that do not exist;</li>
 * <li>same-If-Match writers on every operation taking If-Match: exactly one 2xx, the rest 409;</li>
 * <li>invalid inputs generated from each operation's schema and parameters ({@link InvalidInputs}, at least 200 per
 * writing operation): no 5xx, every 4xx problem+json naming the field at fault, nothing stored changes;</li>
 * <li>last (a lockout may follow): every operation without and with wrong credentials answers a bare 401.</li>
 * </ol>
 * It prints its counts and fails on any finding that is not in {@link KnownGaps} (owned by a branch fixing it).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class SecuritySuiteIT extends DmsTestSupport {

    /** The generator's seed: the same probes in every run. */
    private static final long SEED = 20_261_202L;
    /** Parallel writers with the same If-Match. */
    private static final int WRITERS = 4;
    private static final ZoneId SHOP = ZoneId.of("Asia/Shanghai");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private final AtomicLong requests = new AtomicLong();
    private final List<Finding> findings = new ArrayList<>();
    private final List<String> notExercised = new ArrayList<>();
    /** Answers slower than {@link #SLOW_MILLIS}: not failures (the machine is shared), but where to look for DoS. */
    private final List<String> slow = java.util.Collections.synchronizedList(new ArrayList<>());
    private static final long SLOW_MILLIS = 2_000;
    private final Map<String, Integer> probesPerOperation = new TreeMap<>();
    private StoredData stored;
    private int digestedTables;
    private List<ApiOperation> operations;
    private final Map<String, List<String>> rolesOf = new LinkedHashMap<>();
    private final Map<String, List<String>> permissionsOf = new HashMap<>();
    /** Values of the suite's own records by name (customerId, plate, jobId...), for request bodies and paths. */
    private final Map<String, JsonNode> samples = new LinkedHashMap<>();
    /** The record a path parameter names, by the path template before it ("/work-orders/{id}/jobs" -> a job id). */
    private final Map<String, String> targets = new HashMap<>();

    /** What the server answered. */
    record Answer(int status, String contentType, String body, JsonNode json, long millis) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        boolean serverError() {
            return status < 0 || status >= 500;
        }

        Set<String> fields() {
            Set<String> fields = new LinkedHashSet<>();
            if (json != null) {
                json.path("errors").forEach(e -> fields.add(e.path("field").asText()));
            }
            return fields;
        }

        String shown() {
            String b = body == null ? "" : body;
            return status + " " + (b.length() > 300 ? b.substring(0, 300) + "..." : b);
        }
    }

    @Test
    public void nobodyGetsAroundTheRules() throws Exception {
        long started = System.nanoTime();
        awaitPlatform();
        if (!call("GET", "plugins/insurance", "admin", null).json().path("enabled").asBoolean()) {
            assertEquals(200, call("POST", "plugins/insurance/enable", "admin", null).status());
            awaitAnswer("insurance/renewals", "advisor", 200);
        }
        // every demo user's first login turns its imported password hash into bcrypt (a staff change): done here, or
        // a probe that happens to be that user's first login would seem to have changed data
        for (String user : PermissionMatrixIT.DEMO_USERS) {
            call("GET", "session", user, null);
        }
        stored = new StoredData(bundleContext);
        digestedTables = stored.digest().size();
        operations = ApiOperation.all(call("GET", "openapi.json", null, null).json());
        readPermissionTable();
        oneDefinitionPerSchemaName();
        createOwnRecords();

        long t0 = System.nanoTime();
        everyOperationAsEveryRole();
        progress("everyOperationAsEveryRole", started);
        long t1 = System.nanoTime();
        objectLevelScenarios();
        progress("objectLevelScenarios", started);
        long t2 = System.nanoTime();
        sameIfMatchWriters();
        progress("sameIfMatchWriters", started);
        long t3 = System.nanoTime();
        invalidInputs();
        progress("invalidInputs", started);
        long t4 = System.nanoTime();
        withoutValidCredentials();
        progress("withoutValidCredentials", started);
        long t5 = System.nanoTime();

        String report = report(started, Map.of("roles", t1 - t0, "object-level", t2 - t1, "concurrency", t3 - t2,
                "invalid inputs", t4 - t3, "credentials", t5 - t4));
        System.out.println(report);
        StringBuilder all = new StringBuilder(report).append("\nevery finding:\n");
        findings.forEach(f -> all.append(KnownGaps.of(f).map(g -> "[" + g.branch() + "] ").orElse("[NEW] ")).append(f)
                .append('\n'));
        all.append("\nslow answers (over ").append(SLOW_MILLIS).append(" ms):\n");
        slow.forEach(x -> all.append("  ").append(x).append('\n'));
        Files.writeString(itestsTarget().resolve("security-suite.txt"), all, StandardCharsets.UTF_8);
        List<Finding> unknown = findings.stream().filter(f -> KnownGaps.of(f).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            fail(unknown.size() + " findings not in KnownGaps (see target/security-suite.txt):\n"
                    + String.join("\n", unknown.stream().limit(60).map(Finding::toString).toList()));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // 0. the document the suite is generated from

    /** Each schema name of the bundles' OpenAPI fragments (merged into /api/openapi.json) has one definition. */
    private void oneDefinitionPerSchemaName() throws Exception {
        Map<String, JsonNode> definitions = new HashMap<>();
        Map<String, String> definedBy = new HashMap<>();
        for (org.osgi.framework.Bundle bundle : bundleContext.getBundles()) {
            String fragment = bundle.getHeaders("").get("DMS-OpenAPI");
            java.net.URL url = fragment == null ? null : bundle.getEntry(fragment.trim());
            if (url == null || bundle.getState() != org.osgi.framework.Bundle.ACTIVE) {
                continue;
            }
            try (java.io.InputStream in = url.openStream()) {
                JSON.readTree(in).path("components").path("schemas").fields().forEachRemaining(schema -> {
                    JsonNode earlier = definitions.putIfAbsent(schema.getKey(), schema.getValue());
                    if (earlier != null && !earlier.equals(schema.getValue())) {
                        findings.add(new Finding(Check.OPENAPI_SCHEMA, "components/schemas/" + schema.getKey(),
                                definedBy.get(schema.getKey()) + " and " + bundle.getSymbolicName(),
                                earlier + " vs " + schema.getValue()));
                    }
                    definedBy.putIfAbsent(schema.getKey(), bundle.getSymbolicName());
                });
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // 1. every operation as every role, held to the permission table

    private void readPermissionTable() throws Exception {
        JsonNode table = call("GET", "permissions", "admin", null).json();
        assertEquals(PermissionMatrixIT.DEMO_USERS, texts(table.path("roles")));
        table.path("permissions").forEach(p -> rolesOf.put(p.path("name").asText(), texts(p.path("roles"))));
        table.path("operations").forEach(o -> permissionsOf.put(o.path("method").asText() + " " + o.path("path")
                .asText(), texts(o.path("permissions"))));
    }

    /**
     * Every documented operation as every demo user, on an id nobody has (the permission is checked first, so nothing
     * changes): refused with 403 naming the permission exactly when the table says the role lacks it.
     */
    private void everyOperationAsEveryRole() throws Exception {
        StringBuilder matrix = new StringBuilder(String.format("%-62s", "operation (✓ answered, · refused with 403)"));
        PermissionMatrixIT.DEMO_USERS.forEach(u -> matrix.append(String.format(" %-10s", u)));
        matrix.append('\n');
        boolean pluginWalked = false;
        for (ApiOperation op : operations) {
            if (PermissionMatrixIT.PUBLIC.contains(op.key())) {
                continue;
            }
            List<String> permissions = permissionsOf.get(op.key());
            if (permissions == null || permissions.isEmpty() || !rolesOf.keySet().containsAll(permissions)) {
                findings.add(new Finding(Check.ROLE_TABLE, op.key(), "permission table",
                        permissions == null ? "not in GET /api/permissions' operations"
                                : permissions.isEmpty() ? "names no permission (@RequiresPermission)"
                                        : "names " + permissions + ", not all in the permission table"));
                continue;
            }
            pluginWalked |= op.path().startsWith("/insurance/");
            matrix.append(String.format("%-62s", op.key()));
            String path = op.path().replaceAll("\\{[^}]+}", "999999").substring(1);
            for (String user : PermissionMatrixIT.DEMO_USERS) {
                boolean allowed = permissions.stream().anyMatch(p -> rolesOf.get(p).contains(user));
                Answer a = send(op.method(), path, user, op.writes() ? "{}".getBytes(StandardCharsets.UTF_8) : null,
                        Map.of("Content-Type", "application/json", "If-Match", "\"1\"", "Accept-Language", "en"));
                boolean refused = a.status() == 403;
                matrix.append(String.format(" %-10s", refused ? "·" : "✓"));
                if (a.serverError()) {
                    findings.add(new Finding(Check.SERVER_ERROR, op.key(), "as " + user, a.shown()));
                } else if (a.status() == 401) {
                    findings.add(new Finding(Check.ROLE_TABLE, op.key(), "as " + user, "401: the demo login failed"));
                } else if (allowed == refused) {
                    findings.add(new Finding(Check.ROLE_TABLE, op.key(), "as " + user, a.status()
                            + " but the table says " + (allowed ? "" : "not ") + "allowed by " + permissions));
                } else if (refused && permissions.stream().noneMatch(a.body()::contains)) {
                    findings.add(new Finding(Check.ROLE_TABLE, op.key(), "as " + user,
                            "the 403 does not name the permission: " + a.shown()));
                }
            }
            matrix.append('\n');
        }
        assertTrue("the insurance plugin's operations are walked too", pluginWalked);
        Files.writeString(itestsTarget().resolve("permission-matrix.txt"), matrix.toString(), StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------------------------------------------------
    // the suite's own records: targets for paths, sample values for bodies

    /** Records the suite acts on, so that what it breaks (if anything) is its own. */
    private record Own(long customer, long otherCustomer, long vehicle, String plate, long workOrder, long job,
            long line, long appointment, String staff) {
    }

    private Own own;

    private void createOwnRecords() throws Exception {
        own = newRecords(1);
        targets.put("/customers", Long.toString(own.customer()));
        targets.put("/vehicles", Long.toString(own.vehicle()));
        targets.put("/vehicles/by-plate", own.plate());
        targets.put("/work-orders", Long.toString(own.workOrder()));
        targets.put("/work-orders/{id}/jobs", Long.toString(own.job()));
        targets.put("/work-orders/{id}/assignments", Long.toString(own.job()));
        targets.put("/work-orders/{id}/jobs/{jobId}/lines", Long.toString(own.line()));
        targets.put("/appointments", Long.toString(own.appointment()));
        targets.put("/staff", own.staff());
        targets.put("/labour-operations", "AQ-001");
        // never the shipped plugin: a removal or disabling that slipped through would take it away from other tests
        targets.put("/plugins", "suite-no-such-plugin");
        targets.put("/follow-ups", Long.toString(own.job()));
        // a cashier's day: the suite's own account and today, so a probe in one of the two is the only bad part
        targets.put("/cash-ups", own.staff());
        targets.put("/cash-ups/{cashier}", LocalDate.now(SHOP).toString());
        targets.put("/invoices", Long.toString(issuedInvoice(own.customer())));
        // reports: a month and a day far ahead, so that what the suite enters touches no other test's figures
        targets.put("/reports/resources", "2031-01");
        targets.put("/reports/calendar", "2031-01-06");
        targets.put("/reports/kpis", "comeback_rate");
        targets.put("/reports/export", "kpis");
        targets.put("/reports/alert-rules", "on_time_delivery");
        // membership: the suite's own customer as a member with a PIN, so probes touch only its card
        long member = ownMember(own.otherCustomer());
        targets.put("/membership/members", Long.toString(member));
        targets.put("/membership/stored-value", Long.toString(member));
        targets.put("/membership/points", Long.toString(member));
        // never the shop's own tier: a probe that got through would change the rules other tests earn by
        targets.put("/membership/points/rules", "SUITE-NO-SUCH-TIER");
        targets.put("/membership/tiers", "SUITE-NO-SUCH-TIER");
        targets.put("/membership/tiers/purchases", Long.toString(member));
        long product = created(call("POST", "membership/count-cards/products", "manager", "{\"code\":\"S"
                + unique() % 100_000_000L + "\",\"name\":\"套件次卡\",\"price\":100,\"uses\":3,\"operations\":[\"AQ-001\"],"
                + "\"validMonths\":12,\"binding\":\"CUSTOMER\"}"));
        targets.put("/membership/count-cards/products", Long.toString(product));
        samples.put("campaignId", num(created(call("POST", "membership/campaigns", "manager",
                "{\"code\":\"Q" + unique() % 100_000_000L + "\",\"name\":\"套件活动\",\"kind\":\"AMOUNT\","
                        + "\"value\":5,\"validFrom\":\"2026-01-01\",\"validTo\":\"2036-12-31\"}"))));
        targets.put("/membership/count-cards", Long.toString(created(call("POST", "membership/count-cards", "cashier",
                "{\"memberId\":" + member + ",\"productId\":" + product + ",\"paidWith\":\"CASH\"}"))));
        for (String path : new String[] { "customers/" + own.customer(), "vehicles/" + own.vehicle(),
                "work-orders/" + own.workOrder(), "appointments/" + own.appointment(), "staff/" + own.staff() }) {
            collectSamples(call("GET", path, "admin", null).json(), 0);
        }
        samples.put("customerId", num(own.customer()));
        samples.put("ownerId", num(own.customer()));
        samples.put("vehicleId", num(own.vehicle()));
        samples.put("workOrderId", num(own.workOrder()));
        samples.put("jobId", num(own.job()));
        samples.put("labourLineId", num(own.line()));
        samples.put("technician", JsonNodeFactory.instance.textNode("technician"));
        samples.put("technicians", JsonNodeFactory.instance.arrayNode().add("technician"));
        samples.put("advisor", JsonNodeFactory.instance.textNode("advisor"));
        samples.put("workingWeekdays", JsonNodeFactory.instance.arrayNode().add("MONDAY").add("TUESDAY"));
        samples.put("trade", JsonNodeFactory.instance.textNode("MECHANICAL"));
        samples.put("code", JsonNodeFactory.instance.textNode("AQ-001"));
        samples.put("password", JsonNodeFactory.instance.textNode("Suite-Pass-2026"));
        // a number no invoice has, and today: issuing the suite's invoice is then refused only for its state
        samples.put("invoiceNumber", JsonNodeFactory.instance.textNode("2698" + String.format("%016d", unique())));
        samples.put("paidWith", JsonNodeFactory.instance.textNode("CASH"));
        samples.put("consentChannel", JsonNodeFactory.instance.textNode("COUNTER"));
        samples.put("direction", JsonNodeFactory.instance.textNode("ADD"));
        samples.put("binding", JsonNodeFactory.instance.textNode("CUSTOMER"));
        samples.put("invoiceDate", JsonNodeFactory.instance.textNode(LocalDate.now(SHOP).toString()));
    }

    /**
     * An invoice of the suite's own, issued by hand for a settled visit of its customer: what voiding races and probes
     * act on (issuing and cancelling it are refused: it is no longer requested).
     */
    private static long issuedInvoice(long customer) throws Exception {
        JsonNode wo = SettlementIT.completedWorkOrder(customer);
        JsonNode bill = call("POST", "settlements", "cashier", "{\"workOrderId\":" + wo.path("id").asLong()
                + ",\"payerNames\":{\"INSURER\":\"中国人保\"}}").json().path(0);
        String payable = bill.path("payable").asText();
        Reply paid = call("POST", "settlements/" + bill.path("id").asLong() + "/payments", "cashier",
                "{\"tenders\":[{\"method\":\"CASH\",\"amount\":" + payable + "}]}", "If-Match",
                "\"" + bill.path("version").asLong() + "\"");
        assertEquals(paid.raw(), 200, paid.status());
        Reply asked = call("POST", "invoices", "cashier", "{\"settlementId\":" + bill.path("id").asLong()
                + ",\"kind\":\"ORDINARY\",\"buyerName\":\"安全套件甲\"}");
        long id = created(asked);
        Reply issued = call("POST", "invoices/" + id + "/issue", "cashier", "{\"invoiceNumber\":\"2699"
                + String.format("%016d", unique()) + "\"}", "If-Match", asked.etag());
        assertEquals(issued.raw(), 200, issued.status());
        return id;
    }

    /** The customer as a member (the shipped 4S profile enables the plugin), with a PIN and some stored value. */
    private static long ownMember(long customer) throws Exception {
        Reply joined = call("POST", "membership/members", "advisor", "{\"customerId\":" + customer
                + ",\"consent\":true,\"consentChannel\":\"COUNTER\",\"pin\":\"135791\"}");
        long id = created(joined);
        assertEquals(201, call("POST", "membership/stored-value/" + id + "/top-ups", "cashier",
                "{\"amount\":500,\"paidWith\":\"CASH\"}").status());
        return id;
    }

    /** A customer with a car and a work order (one job, one labour line), another customer, an appointment. */
    private Own newRecords(int k) throws Exception {
        long n = unique();
        String plate = TestData.plate(n);
        long customer = created(call("POST", "customers", "advisor",
                "{\"type\":\"PERSON\",\"name\":\"安全套件甲\",\"mobile\":\"" + newMobile() + "\"}"));
        long other = created(call("POST", "customers", "advisor",
                "{\"type\":\"PERSON\",\"name\":\"安全套件乙\",\"mobile\":\"" + newMobile() + "\"}"));
        long vehicle = created(call("POST", "vehicles", "advisor", VehicleRestIT.vehicle(TestData.vin(n), plate,
                customer)));
        call("POST", "labour-operations", "manager",
                "{\"code\":\"AQ-001\",\"name\":\"安全检查\",\"flatRateHours\":1.0,\"skill\":\"MECHANICAL\"}");
        long m = unique();
        String promised = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(ZonedDateTime.now(SHOP).plusDays(1)
                .withNano(0));
        Reply wo = call("POST", "work-orders", "advisor", "{\"plate\":\"" + TestData.plate(m) + "\",\"vin\":\""
                + TestData.vin(m) + "\",\"ownerId\":" + customer + ",\"mileageKm\":1000,\"fuelPercent\":50,"
                + "\"promisedAt\":\"" + promised + "\",\"visitTypes\":[\"GENERAL_REPAIR\"],"
                + "\"concerns\":[{\"concern\":\"安全套件\"}]}");
        long workOrder = created(wo);
        long job = wo.json().path("jobs").path(0).path("id").asLong();
        Reply line = call("POST", "work-orders/" + workOrder + "/jobs/" + job + "/lines", "advisor",
                "{\"type\":\"LABOUR\",\"code\":\"AQ-001\",\"description\":\"安全检查\",\"quantity\":1.0,"
                        + "\"unitPrice\":100.00}",
                "If-Match", wo.etag());
        long lineId = line.json() == null ? 1 : line.json().path("jobs").path(0).path("lines").path(0).path("id")
                .asLong();
        long appointment = created(call("POST", "appointments", "advisor", "{\"plate\":\"" + plate
                + "\",\"customerId\":" + customer + ",\"channel\":\"PHONE\",\"date\":\""
                + LocalDate.now(SHOP).plusDays(10 + k) + "\",\"start\":\"" + String.format("%02d:30", 8 + k % 8)
                + "\",\"advisor\":\"advisor\","
                + "\"concerns\":[\"保养\"]}"));
        String staff = "suite" + n;
        Reply added = call("POST", "staff", "admin", "{\"login\":\"" + staff + "\",\"name\":\"套件师傅\","
                + "\"password\":\"Suite-Pass-2026\",\"roles\":[\"technician\"],\"skills\":[],\"team\":\"一组\"}");
        return new Own(customer, other, vehicle, plate, workOrder, job, lineId, appointment,
                added.status() == 201 ? staff : "suite-no-such-login");
    }

    private static long created(Reply r) {
        assertTrue(r.raw(), r.status() == 201 || r.status() == 200);
        return r.json().path("id").asLong();
    }

    private void collectSamples(JsonNode node, int depth) {
        if (node == null || depth > 3) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            boolean scalars = e.getValue().isArray() && (e.getValue().isEmpty() || e.getValue().get(0).isValueNode());
            if ((e.getValue().isValueNode() && !e.getValue().isNull()) || scalars) {
                samples.putIfAbsent(e.getKey(), e.getValue());
            } else if (e.getValue().isObject()) {
                collectSamples(e.getValue(), depth + 1);
            } else if (e.getValue().isArray() && e.getValue().size() > 0 && e.getValue().get(0).isObject()) {
                collectSamples(e.getValue().get(0), depth + 1);
            }
        }
    }

    /** A request body after the operation's schema, as valid as the suite's samples make it. */
    private ObjectNode baseBody(ApiOperation op) {
        if (!op.takesJson()) {
            return null;
        }
        JsonNode schema = op.resolve(op.bodySchema());
        JsonNode value = valueFor("", schema, op, 0);
        return value instanceof ObjectNode o ? o : null;
    }

    private JsonNode valueFor(String name, JsonNode schema, ApiOperation op, int depth) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        JsonNode s = op.resolve(schema);
        String type = s.path("type").asText(s.has("properties") ? "object" : "string");
        JsonNode sample = samples.get(name);
        if (type.equals("object")) {
            ObjectNode o = f.objectNode();
            if (depth < 3) {
                s.path("properties").fields().forEachRemaining(p -> o.set(p.getKey(), valueFor(p.getKey(), p
                        .getValue(), op, depth + 1)));
            }
            if (o.isEmpty() && name.equals("start")) {
                return f.textNode("10:30");
            }
            return o;
        }
        if (type.equals("array")) {
            if (sample != null && sample.isArray()) {
                return sample;
            }
            return f.arrayNode().add(valueFor(name.endsWith("s") ? name.substring(0, name.length() - 1) : name, s
                    .path("items"), op, depth + 1));
        }
        if (s.has("enum")) {
            for (JsonNode allowed : s.path("enum")) {
                if (allowed.equals(sample)) {
                    return sample;
                }
            }
            return s.path("enum").get(0);
        }
        if (sample != null && (type.equals("string") == sample.isTextual())) {
            return sample;
        }
        return switch (type) {
        case "integer" -> f.numberNode(1);
        case "number" -> f.numberNode(new java.math.BigDecimal("1.00"));
        case "boolean" -> f.booleanNode(false);
        default -> switch (s.path("format").asText()) {
        case "date" -> f.textNode(LocalDate.now(SHOP).plusDays(3).toString());
        case "date-time" -> f.textNode(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(ZonedDateTime.now(SHOP)
                .plusDays(3).withNano(0)));
        default -> f.textNode("安全套件");
        };
        };
    }

    /** A value for each path parameter: the suite's own record where it has one, else the first one listed. */
    private Map<String, String> pathValues(ApiOperation op, Map<String, String> ownTargets) throws Exception {
        Map<String, String> values = new LinkedHashMap<>();
        String template = op.path();
        for (String param : op.parameterNames("path")) {
            int at = template.indexOf("{" + param + "}");
            String before = template.substring(0, Math.max(at - 1, 0));
            String value = ownTargets.get(before);
            if (value == null) {
                // an operation the suite has no record for: the first one its collection lists
                String concrete = before;
                for (Map.Entry<String, String> v : values.entrySet()) {
                    concrete = concrete.replace("{" + v.getKey() + "}", v.getValue());
                }
                Answer list = send("GET", concrete.substring(1), "admin", null, Map.of());
                JsonNode items = list.json() == null ? null
                        : list.json().isArray() ? list.json() : list.json().path("items");
                JsonNode first = items == null ? null : items.path(0);
                value = first == null || first.isMissingNode() ? "1"
                        : first.hasNonNull(param) ? first.path(param).asText() : first.path("id").asText("1");
            }
            values.put(param, value);
        }
        return values;
    }

    // ---------------------------------------------------------------------------------------------------------
    // 2. object-level scenarios

    /** A request that must be refused because of whom or what it names. */
    private record Scenario(String name, String user, String method, String path, String body, String etagOf) {
    }

    private void objectLevelScenarios() throws Exception {
        Own o = newRecords(2);
        Own other = newRecords(3);
        String wo = "work-orders/" + o.workOrder();
        String clockOn = "{\"jobId\":" + o.job() + ",\"labourLineId\":" + o.line() + ",\"technician\":\"%s\"}";
        long n = unique();
        String walkIn = "{\"plate\":\"" + TestData.plate(n) + "\",\"vin\":\"" + TestData.vin(n) + "\",\"ownerId\":"
                + o.customer() + ",\"mileageKm\":1000,\"visitTypes\":[\"GENERAL_REPAIR\"],\"advisor\":\"%s\"}";
        String booking = "{\"plate\":\"%s\",\"customerId\":%d,\"channel\":\"PHONE\",\"date\":\""
                + LocalDate.now(SHOP).plusDays(20) + "\",\"start\":\"10:30\",\"advisor\":\"%s\"}";
        List<Scenario> scenarios = List.of(
                new Scenario("technician clocks on a job he is not assigned to", "technician", "POST",
                        wo + "/clocks/on", String.format(clockOn, "technician"), null),
                new Scenario("technician records findings on a work order he is not assigned to", "technician",
                        "PUT", wo + "/jobs/" + o.job() + "/findings", "{\"cause\":\"x\",\"correction\":\"y\"}", wo),
                new Scenario("technician's self-check on a work order he never touched", "technician", "POST",
                        wo + "/qc", "{\"level\":\"SELF\",\"passed\":true}", wo),
                new Scenario("technician records a lower odometer on a car he does not work on", "technician",
                        "POST", "vehicles/" + o.vehicle() + "/odometer",
                        "{\"km\":1,\"confirmLower\":true,\"source\":\"安全套件\"}", null),
                new Scenario("appointment for another customer's car", "advisor", "POST", "appointments",
                        String.format(booking, o.plate(), other.customer(), "advisor"), null),
                new Scenario("appointment naming an advisor who does not exist", "advisor", "POST", "appointments",
                        String.format(booking, o.plate(), o.customer(), "no-such-advisor"), null),
                new Scenario("work order naming an advisor who does not exist", "advisor", "POST", "work-orders",
                        String.format(walkIn, "no-such-advisor"), null),
                new Scenario("work order naming the cashier as advisor", "advisor", "POST", "work-orders",
                        String.format(walkIn, "cashier"), null),
                new Scenario("dispatch to a technician who does not exist", "foreman", "PUT",
                        wo + "/assignments/" + o.job(), "{\"technicians\":[\"no-such-technician\"],\"bay\":\"A1\"}",
                        wo),
                new Scenario("dispatch to the cashier", "foreman", "PUT", wo + "/assignments/" + o.job(),
                        "{\"technicians\":[\"cashier\"],\"bay\":\"A1\"}", wo),
                new Scenario("skill table entry for a technician who does not exist", "foreman", "POST",
                        "technician-skills", "{\"technician\":\"no-such-technician\",\"skill\":\"MECHANICAL\","
                                + "\"level\":3}",
                        null),
                new Scenario("skill table entry for the cashier", "foreman", "POST", "technician-skills",
                        "{\"technician\":\"cashier\",\"skill\":\"MECHANICAL\",\"level\":3}", null),
                new Scenario("clock naming a technician who does not exist", "foreman", "POST", wo + "/clocks/on",
                        String.format(clockOn, "no-such-technician"), null),
                new Scenario("clock naming the cashier", "foreman", "POST", wo + "/clocks/on",
                        String.format(clockOn, "cashier"), null),
                new Scenario("appointment arrived into a work order that does not exist", "advisor", "POST",
                        "appointments/" + o.appointment() + "/arrive", "{\"workOrderId\":999999999}",
                        "appointments/" + o.appointment()),
                new Scenario("appointment arrived into another car's work order", "advisor", "POST",
                        "appointments/" + o.appointment() + "/arrive", "{\"workOrderId\":" + other.workOrder() + "}",
                        "appointments/" + o.appointment()));
        for (Scenario s : scenarios) {
            Map<String, String> headers = new LinkedHashMap<>(Map.of("Content-Type", "application/json"));
            if (s.etagOf() != null) {
                headers.put("If-Match", call("GET", s.etagOf(), "admin", null).etag());
            }
            Map<String, String> before = stored.digest();
            Answer a = send(s.method(), s.path(), s.user(), s.body().getBytes(StandardCharsets.UTF_8), headers);
            if (a.serverError()) {
                findings.add(new Finding(Check.SERVER_ERROR, s.name(), s.method() + " " + s.path(), a.shown()));
            } else if (a.ok()) {
                findings.add(new Finding(Check.OBJECT_LEVEL, s.name(), s.method() + " " + s.path(), a.shown()));
            } else if (!a.contentType().startsWith("application/problem+json")) {
                findings.add(new Finding(Check.NOT_PROBLEM_JSON, s.name(), s.method() + " " + s.path(), a.shown()));
            } else {
                List<String> changed = StoredData.changedTables(before, stored.digest());
                if (!changed.isEmpty()) {
                    findings.add(new Finding(Check.DATA_CHANGED, s.name(), s.method() + " " + s.path(),
                            "refused with " + a.status() + " but changed " + changed));
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // 3. same-If-Match writers

    /**
     * For every operation taking If-Match, on fresh records of the suite's own: {@value #WRITERS} writers send the same
     * request with the same If-Match at once. Exactly one may win, every other must get 409; none 5xx. Where none wins
     * (the generated body is not one the operation takes in that state) the operation is listed as not exercised.
     */
    private void sameIfMatchWriters() throws Exception {
        int k = 4;
        for (ApiOperation op : operations) {
            if (!op.takesIfMatch() || !op.writes() || !allowedRole(op).isPresent()) {
                continue;
            }
            Own fresh = newRecords(k++);
            Map<String, String> ownTargets = new HashMap<>(targets);
            ownTargets.put("/customers", Long.toString(fresh.customer()));
            ownTargets.put("/vehicles", Long.toString(fresh.vehicle()));
            ownTargets.put("/work-orders", Long.toString(fresh.workOrder()));
            ownTargets.put("/work-orders/{id}/jobs", Long.toString(fresh.job()));
            ownTargets.put("/work-orders/{id}/assignments", Long.toString(fresh.job()));
            ownTargets.put("/work-orders/{id}/jobs/{jobId}/lines", Long.toString(fresh.line()));
            ownTargets.put("/appointments", Long.toString(fresh.appointment()));
            ownTargets.put("/staff", fresh.staff());
            Map<String, String> values = pathValues(op, ownTargets);
            String path = op.path();
            for (Map.Entry<String, String> v : values.entrySet()) {
                path = path.replace("{" + v.getKey() + "}", v.getValue());
            }
            path = path.substring(1);
            String user = allowedRole(op).get();
            String etag = etagAbove(path, user);
            if (etag == null) {
                notExercised.add(op.key() + ": no ETag found above " + path);
                continue;
            }
            ObjectNode body = op.method().equals("PUT") ? echoed(op, path, user) : null;
            body = body != null ? body : baseBody(op);
            byte[] bytes = body == null ? null : body.toString().getBytes(StandardCharsets.UTF_8);
            // every change is sent as JSON, with or without a body (a bodiless write without it is refused: 415)
            Map<String, String> headers = new LinkedHashMap<>(Map.of("If-Match", etag, "Content-Type",
                    "application/json"));
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<Answer>> writers = new ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
                String p = path;
                writers.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        go.await();
                        return send(op.method(), p, user, bytes, headers);
                    } catch (Exception e) {
                        return new Answer(-1, "", e.toString(), null, 0);
                    }
                }));
            }
            go.countDown();
            List<Answer> answers = new ArrayList<>();
            for (CompletableFuture<Answer> w : writers) {
                answers.add(w.get());
            }
            long won = answers.stream().filter(Answer::ok).count();
            List<Integer> statuses = answers.stream().map(Answer::status).toList();
            Optional<Answer> broken = answers.stream().filter(Answer::serverError).findFirst();
            if (broken.isPresent()) {
                findings.add(new Finding(Check.SERVER_ERROR, op.key(), "same If-Match x" + WRITERS, statuses + " "
                        + broken.get().shown()));
                findings.add(new Finding(Check.CONCURRENCY, op.key(), "same If-Match x" + WRITERS, statuses
                        .toString()));
            } else if (won > 1 && etag.equals(etagAbove(path, user))) {
                // the echoed record changed nothing and the version stayed: several "wins" lost nobody's change
                notExercised.add(op.key() + ": the echoed record changed nothing, every writer answered " + statuses);
            } else if (won > 1 || (won == 1 && answers.stream().anyMatch(a -> !a.ok() && a.status() != 409))) {
                findings.add(new Finding(Check.CONCURRENCY, op.key(), "same If-Match x" + WRITERS, statuses
                        + " " + answers.stream().filter(a -> !a.ok()).findFirst().map(Answer::shown).orElse("")));
            } else if (won == 0) {
                notExercised.add(op.key() + ": no writer won " + statuses + " " + answers.get(0).shown());
            }
        }
    }

    /**
     * For a PUT on a record that can be read at the same path: the record as read, cut to the request schema's fields
     * (a write that changes nothing, which every writer but one must lose all the same).
     */
    private ObjectNode echoed(ApiOperation op, String path, String user) throws Exception {
        Reply read = call("GET", path, user, null);
        JsonNode schema = op.resolve(op.bodySchema());
        if (read.status() != 200 || read.json() == null || !op.takesJson() || !schema.has("properties")) {
            return null;
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        schema.path("properties").fieldNames().forEachRemaining(name -> {
            if (read.json().has(name)) {
                body.set(name, read.json().get(name));
            }
        });
        return body.isEmpty() ? null : body;
    }

    /** The ETag of the nearest readable record at or above the path. */
    private String etagAbove(String path, String user) throws Exception {
        for (String p = path; p.contains("/"); p = p.substring(0, p.lastIndexOf('/'))) {
            for (String u : new String[] { user, "admin", "manager" }) {
                Reply r = call("GET", p, u, null);
                if (r.status() == 200 && r.etag() != null) {
                    return r.etag();
                }
            }
        }
        return null;
    }

    // ---------------------------------------------------------------------------------------------------------
    // 4. generated invalid inputs

    private void invalidInputs() throws Exception {
        List<ApiOperation> ordered = new ArrayList<>(operations);
        // writes that remove or switch things off last, after everything that reads
        ordered.sort((a, b) -> Integer.compare(order(a), order(b)));
        for (ApiOperation op : ordered) {
            Optional<String> user = allowedRole(op);
            if (user.isEmpty() || PermissionMatrixIT.PUBLIC.contains(op.key())) {
                continue;
            }
            Map<String, String> values = pathValues(op, targets);
            ObjectNode base = baseBody(op);
            List<Probe> probes = new InvalidInputs(op, values, base, SEED).probes();
            probesPerOperation.put(op.key(), probes.size());
            long t = System.nanoTime();
            Set<String> baseline = calibrate(op, values, base, user.get());
            runProbes(op, concrete(op, values), probes, user.get(), baseline);
            System.out.println("security suite: " + op.key() + " as " + user.get() + ": " + probes.size()
                    + " probes in " + (System.nanoTime() - t) / 1_000_000 + " ms");
        }
    }

    /** The operation's path with the given values, without the leading slash. */
    private static String concrete(ApiOperation op, Map<String, String> values) {
        String path = op.path();
        for (Map.Entry<String, String> v : values.entrySet()) {
            path = path.replace("{" + v.getKey() + "}", java.net.URLEncoder.encode(v.getValue(),
                    StandardCharsets.UTF_8));
        }
        return path.substring(1);
    }

    private static int order(ApiOperation op) {
        return op.method().equals("GET") ? 0 : op.method().equals("DELETE") ? 2 : op.path().startsWith("/plugins") ? 3
                : 1;
    }

    /**
     * Sends the generated base body once: the fields a refusal names then are wrong in the base itself, so a probe's
     * refusal naming only those is no sign of a missing field name.
     */
    private Set<String> calibrate(ApiOperation op, Map<String, String> values, ObjectNode base, String user)
            throws Exception {
        if (base == null || !op.writes()) {
            return Set.of();
        }
        String path = "/" + concrete(op, values);
        Map<String, String> headers = new LinkedHashMap<>(Map.of("Content-Type", "application/json"));
        if (op.takesIfMatch()) {
            String etag = etagAbove(path.substring(1), user);
            if (etag != null) {
                headers.put("If-Match", etag);
            }
        }
        Answer a = send(op.method(), path.substring(1), user, base.toString().getBytes(StandardCharsets.UTF_8),
                headers);
        if (a.serverError()) {
            findings.add(new Finding(Check.SERVER_ERROR, op.key(), "generated base body", a.shown()));
        }
        return a.ok() ? Set.of() : a.fields();
    }

    /**
     * Sends the probes and judges each answer. The stored data are digested before and after each run of refusals; a
     * run after which they differ is replayed probe by probe, a digest around each, to find the refusal that changed
     * them. Probes that may rightly be accepted go last, each with a digest of its own.
     */
    private void runProbes(ApiOperation op, String path, List<Probe> probes, String user, Set<String> baseline)
            throws Exception {
        // a probe breaks one thing: where the operation takes If-Match, every other probe carries the current one
        String etag = op.takesIfMatch() ? etagAbove(path, user) : null;
        List<Probe> ordered = new ArrayList<>(probes);
        ordered.sort((a, b) -> Boolean.compare(mayBeAccepted(a), mayBeAccepted(b)));
        Map<String, String> before = stored.digest();
        List<Probe> run = new ArrayList<>();
        for (Probe p : ordered) {
            if (mayBeAccepted(p)) {
                before = checkpoint(run, before, user);
            }
            if (etag != null && !p.kind().startsWith("If-Match")) {
                p = p.withHeader("If-Match", etag);
            }
            Answer a = send(p, user);
            judge(p, a, baseline);
            if (a.ok()) {
                etag = op.takesIfMatch() ? etagAbove(path, user) : null;
                if (!run.isEmpty()) {
                    // an unexpected acceptance changed the data as well: only a replay can tell the refusals apart
                    replay(run, user, null);
                    run.clear();
                }
                before = stored.digest();
            } else {
                run.add(p);
            }
        }
        checkpoint(run, before, user);
    }

    private Map<String, String> checkpoint(List<Probe> run, Map<String, String> before, String user)
            throws Exception {
        if (run.isEmpty()) {
            return before;
        }
        Map<String, String> now = stored.digest();
        if (!now.equals(before)) {
            replay(run, user, StoredData.changedTables(before, now));
            now = stored.digest();
        }
        run.clear();
        return now;
    }

    /** Sends the refused probes again one by one, a digest around each; records each that changes stored data. */
    private void replay(List<Probe> run, String user, List<String> changedByRun) throws Exception {
        boolean found = false;
        for (Probe p : run) {
            Map<String, String> b = stored.digest();
            Answer a = send(p, user);
            List<String> changed = StoredData.changedTables(b, stored.digest());
            if (!a.ok() && !changed.isEmpty()) {
                found = true;
                findings.add(new Finding(Check.DATA_CHANGED, p.operation(), p.kind(), "refused with " + a.status()
                        + " but changed " + changed + ": " + p.describe()));
            }
        }
        if (!found && changedByRun != null) {
            String rows = changedByRun.toString().contains("STAFF_CHANGE") ? stored.lastRows("staff_change", 2) : "";
            findings.add(new Finding(Check.DATA_CHANGED, run.get(0).operation(), "a run of " + run.size()
                    + " refusals", "changed " + changedByRun + " (not reproduced one by one)" + rows));
        }
    }

    /** Probes whose request may be valid (the schema does not say what is required, or what a filter takes). */
    private static boolean mayBeAccepted(Probe p) {
        return p.kind().contains(InvalidInputs.MAY_BE_ACCEPTED);
    }

    private void judge(Probe p, Answer a, Set<String> baseline) {
        if (a.serverError()) {
            findings.add(new Finding(Check.SERVER_ERROR, p.operation(), p.kind(), a.shown() + " <- " + p.describe()));
        } else if (a.ok()) {
            if (!mayBeAccepted(p)) {
                findings.add(new Finding(Check.INVALID_ACCEPTED, p.operation(), p.kind(), a.status() + " <- " + p
                        .describe()));
            }
        } else if (!a.contentType().startsWith("application/problem+json")) {
            findings.add(new Finding(Check.NOT_PROBLEM_JSON, p.operation(), p.kind(), a.shown() + " ("
                    + a.contentType() + ") <- " + p.describe()));
        } else if (p.expectedField() != null && (a.status() == 400 || a.status() == 422)
                && !names(a, p.expectedField())
                // a path Jetty refuses before any routing (a NUL, an encoded slash) is named as a whole: "path"
                && !(p.kind().startsWith("path ") && a.fields().contains("path"))
                && (a.fields().isEmpty() || !baseline.containsAll(a.fields()))) {
            findings.add(new Finding(Check.FIELD_NOT_NAMED, p.operation(), p.kind(), "names " + a.fields() + ": "
                    + a.shown() + " <- " + p.describe() + sentValues(p, a.fields()) + repeated(p)));
        }
    }

    /** What the probe sent in the fields the refusal named (the shown body is cut short): to tell why it named them. */
    private static String sentValues(Probe p, Set<String> fields) {
        try {
            JsonNode body = p.body() == null ? null : new ObjectMapper().readTree(p.body());
            StringBuilder sent = new StringBuilder();
            for (String field : fields) {
                if (body != null && !field.isEmpty() && !field.contains(".") && !field.contains("[")) {
                    sent.append(sent.length() == 0 ? "; sent " : ", ").append(field).append('=')
                            .append(body.get(field));
                }
            }
            return sent.toString();
        } catch (IOException notJson) {
            return "";
        }
    }

    /** The same probe once more: a refusal that names another field the second time is not the body's doing. */
    private String repeated(Probe p) {
        try {
            Answer again = send(p, allowedRole(operations.stream().filter(o -> o.key().equals(p.operation()))
                    .findFirst().orElseThrow()).orElse("admin"));
            return "; sent again: " + again.status() + " names " + again.fields();
        } catch (Exception e) {
            return "; sent again: " + e;
        }
    }

    private static boolean names(Answer a, String fields) {
        for (String field : fields.split("\\|")) {
            if (names1(a, field)) {
                return true;
            }
        }
        return false;
    }

    private static boolean names1(Answer a, String field) {
        for (String named : a.fields()) {
            if (named.equalsIgnoreCase(field) || named.startsWith(field + ".") || named.startsWith(field + "[")
                    || (!named.isEmpty() && field.startsWith(named + "."))) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------------------------------------------------
    // 5. without valid credentials (last: a lockout after many wrong passwords must not stop the other checks)

    private void withoutValidCredentials() throws Exception {
        // wrong credentials name the suite's own account, one kind per operation in turn: a lockout after many
        // failures must not lock out the demo users other tests log in as
        List<Map.Entry<String, String>> wrong = List.of(
                Map.entry("wrong password", "Basic " + b64(own.staff() + ":wrong-password")),
                Map.entry("unknown user", "Basic " + b64("nobody-" + unique() + ":demo")),
                Map.entry("not Basic", "Bearer abc.def.ghi"),
                Map.entry("Basic without colon", "Basic " + b64(own.staff())));
        Map<String, String> before = stored.digest();
        int turn = 0;
        for (ApiOperation op : operations) {
            Map<String, String> credentials = new LinkedHashMap<>();
            credentials.put("no credentials", null);
            Map.Entry<String, String> w = wrong.get(turn++ % wrong.size());
            credentials.put(w.getKey(), w.getValue());
            if (PermissionMatrixIT.PUBLIC.contains(op.key())) {
                continue;
            }
            String path = op.path();
            for (Map.Entry<String, String> v : pathValues(op, targets).entrySet()) {
                path = path.replace("{" + v.getKey() + "}", java.net.URLEncoder.encode(v.getValue(),
                        StandardCharsets.UTF_8));
            }
            ObjectNode body = baseBody(op);
            for (Map.Entry<String, String> c : credentials.entrySet()) {
                Map<String, String> headers = new LinkedHashMap<>();
                if (c.getValue() != null) {
                    headers.put("Authorization", c.getValue());
                }
                if (body != null) {
                    headers.put("Content-Type", "application/json");
                }
                Answer a = send(op.method(), path.substring(1), null, body == null ? null : body.toString()
                        .getBytes(StandardCharsets.UTF_8), headers);
                if (a.serverError()) {
                    findings.add(new Finding(Check.SERVER_ERROR, op.key(), c.getKey(), a.shown()));
                } else if (!(a.status() == 401 || loginHeldBack(a)) || !bare(a)) {
                    findings.add(new Finding(Check.UNAUTHENTICATED, op.key(), c.getKey(), a.shown()));
                }
            }
        }
        List<String> changed = StoredData.changedTables(before, stored.digest());
        if (!changed.isEmpty()) {
            findings.add(new Finding(Check.DATA_CHANGED, "every operation", "without valid credentials",
                    "changed " + changed));
        }
    }

    /** No body, or a problem with nothing but the problem's own members. */
    /**
     * Repeated wrong passwords for one login are held back (429 login.slowed or login.locked, README: Security): a
     * refusal that tells nothing about the operation, like a 401.
     */
    private static boolean loginHeldBack(Answer a) {
        return a.status() == 429 && a.fields().contains("Authorization");
    }

    private static boolean bare(Answer a) {
        if (a.body() == null || a.body().isBlank()) {
            return true;
        }
        if (a.json() == null || !a.contentType().startsWith("application/problem+json")) {
            return false;
        }
        Set<String> allowed = Set.of("type", "title", "status", "detail", "instance", "errors", "until");
        for (Iterator<String> it = a.json().fieldNames(); it.hasNext();) {
            if (!allowed.contains(it.next())) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------------------------------------------------
    // HTTP and the report

    private Optional<String> allowedRole(ApiOperation op) {
        List<String> permissions = permissionsOf.get(op.key());
        if (permissions == null) {
            return Optional.of("admin");
        }
        return PermissionMatrixIT.DEMO_USERS.stream()
                .filter(u -> permissions.stream().anyMatch(p -> rolesOf.getOrDefault(p, List.of()).contains(u)))
                .findFirst();
    }

    private Answer send(Probe p, String user) {
        return send(p.method(), p.path(), user, p.body(), p.headers());
    }

    private Answer send(String method, String path, String user, byte[] body, Map<String, String> headers) {
        requests.incrementAndGet();
        long t = System.nanoTime();
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + path))
                    .timeout(Duration.ofSeconds(60))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            if (user != null) {
                request.header("Authorization", "Basic " + b64(user + ":demo"));
            }
            headers.forEach(request::header);
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(
                    StandardCharsets.UTF_8));
            String type = response.headers().firstValue("Content-Type").orElse("");
            JsonNode json = null;
            if (type.contains("json") && !response.body().isEmpty()) {
                try {
                    json = JSON.readTree(response.body());
                } catch (Exception notJson) {
                    json = null;
                }
            }
            long millis = (System.nanoTime() - t) / 1_000_000;
            if (millis > SLOW_MILLIS) {
                slow.add(millis + " ms: " + method + " " + path + (body == null ? "" : " (" + body.length + " bytes)"));
            }
            return new Answer(response.statusCode(), type, response.body(), json, millis);
        } catch (Exception e) {
            return new Answer(-1, "", "no answer: " + e, null, (System.nanoTime() - t) / 1_000_000);
        }
    }

    private String report(long started, Map<String, Long> phases) {
        Map<Check, Integer> counts = new EnumMap<>(Check.class);
        Map<Check, Integer> known = new EnumMap<>(Check.class);
        Map<String, List<String>> byOwner = new TreeMap<>();
        Set<KnownGaps.Gap> used = new HashSet<>();
        for (Finding f : findings) {
            counts.merge(f.check(), 1, Integer::sum);
            Optional<KnownGaps.Gap> gap = KnownGaps.of(f);
            gap.ifPresent(g -> {
                known.merge(f.check(), 1, Integer::sum);
                used.add(g);
            });
            byOwner.computeIfAbsent(gap.map(g -> "known gap, branch " + g.branch() + ": " + g.what())
                    .orElse("NOT A KNOWN GAP"), x -> new ArrayList<>()).add(f.toString());
        }
        StringBuilder r = new StringBuilder("\n==== security suite ====\n");
        r.append(String.format("%-58s %d%n", "operations in /api/openapi.json", operations.size()));
        r.append(String.format("%-58s %d%n", "writing operations probed with invalid inputs", probesPerOperation
                .entrySet().stream().filter(e -> !e.getKey().startsWith("GET")).count()));
        r.append(String.format("%-58s %d%n", "fewest probes for a writing operation", probesPerOperation.entrySet()
                .stream().filter(e -> !e.getKey().startsWith("GET")).mapToInt(Map.Entry::getValue).min().orElse(0)));
        r.append(String.format("%-58s %d%n", "requests sent", requests.get()));
        r.append(String.format("%-58s %d%n", "stored tables digested", digestedTables));
        r.append(String.format("%-58s %d%n", "answers slower than " + SLOW_MILLIS + " ms", slow.size()));
        for (Check c : Check.values()) {
            r.append(String.format("%-58s %d (known gaps %d)%n", c.label, counts.getOrDefault(c, 0), known
                    .getOrDefault(c, 0)));
        }
        phases.forEach((k, v) -> r.append(String.format("%-58s %d s%n", "time: " + k, v / 1_000_000_000L)));
        r.append(String.format("%-58s %d s%n", "time taken", (System.nanoTime() - started) / 1_000_000_000L));
        r.append("\nnot exercised by the same-If-Match writers (no writer won with the generated body):\n");
        notExercised.forEach(s -> r.append("  ").append(s).append('\n'));
        byOwner.forEach((owner, list) -> {
            r.append('\n').append(owner).append(" (").append(list.size()).append("):\n");
            list.stream().limit(40).forEach(s -> r.append("  ").append(s.length() > 400 ? s.substring(0, 400) + "..."
                    : s).append('\n'));
            if (list.size() > 40) {
                r.append("  ... and ").append(list.size() - 40).append(" more\n");
            }
        });
        KnownGaps.GAPS.stream().filter(g -> !used.contains(g)).forEach(g -> r.append(
                "\nknown gap no longer seen (delete it from KnownGaps): " + g.branch() + " " + g.what() + "\n"));
        return r.toString();
    }

    private void progress(String phase, long started) {
        System.out.println("security suite: " + phase + " done after " + (System.nanoTime() - started) / 1_000_000_000L
                + " s, " + requests.get() + " requests, " + findings.size() + " findings");
    }

    private static List<String> texts(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(n -> names.add(n.asText()));
        return names;
    }

    private static JsonNode num(long n) {
        return JsonNodeFactory.instance.numberNode(n);
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static Path itestsTarget() {
        for (Path p = Paths.get(System.getProperty("karaf.home")).toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("karaf-distribution/itests/target"))) {
                return p.resolve("karaf-distribution/itests/target");
            }
        }
        throw new AssertionError("no checkout above " + System.getProperty("karaf.home"));
    }
}
