package org.opendms.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The role policy as users meet it: every operation of /api/openapi.json, called as every demo user, is refused with
 * 403 exactly when the permission table (GET /api/permissions) says the user's role lacks its permission. A module
 * added later whose operations name no permission, or whose service refuses what the table allows, fails here. The
 * README's "Who may do what" matrix is held to the same table.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class PermissionMatrixIT extends DmsTestSupport {

    /** One demo user per shop role, named after it, password demo. */
    private static final List<String> DEMO_USERS = List.of("admin", "advisor", "technician", "parts", "cashier",
            "manager",
            "foreman", "inspector");
    /** Answers without login (a load balancer watches it); the OpenAPI document itself is not in the document. */
    private static final Set<String> PUBLIC = Set.of("GET /health");
    /** An id nobody has: the permission is checked before the record is looked up, so nothing is ever changed. */
    private static final String NO_SUCH_ID = "999999";
    private static final String README_BEGIN = "<!-- permission-matrix:begin (written from GET /api/permissions by PermissionMatrixIT) -->";
    private static final String README_END = "<!-- permission-matrix:end -->";

    @Before
    public void platformAnswers() throws Exception {
        awaitPlatform();
        // the shipped profile enables the insurance plugin; a check that ran before may have disabled it
        if (!call("GET", "plugins/insurance", "admin", null).json().path("enabled").asBoolean()) {
            Reply enabled = call("POST", "plugins/insurance/enable", "admin", null);
            assertEquals(enabled.raw(), 200, enabled.status());
            awaitAnswer("insurance/renewals", "advisor", 200);
        }
    }

    /** GET /api/permissions as the user. */
    private static JsonNode table(String user) throws Exception {
        Reply reply = call("GET", "permissions", user, null);
        assertEquals(reply.raw(), 200, reply.status());
        return reply.json();
    }

    private record Operation(String method, String path, List<String> permissions) {
        String key() {
            return method + " " + path;
        }
    }

    @Test
    public void everyOperationIsRefusedExactlyToTheRolesThatLackItsPermission() throws Exception {
        long started = System.nanoTime();
        JsonNode table = table("admin");
        assertEquals(DEMO_USERS, names(table.path("roles")));
        Map<String, List<String>> rolesOf = new LinkedHashMap<>();
        table.path("permissions").forEach(p -> rolesOf.put(p.path("name").asText(), names(p.path("roles"))));
        Map<String, Operation> listed = new TreeMap<>();
        table.path("operations").forEach(o -> {
            Operation op = new Operation(o.path("method").asText(), o.path("path").asText(),
                    names(o.path("permissions")));
            listed.put(op.key(), op);
        });

        List<String> problems = new ArrayList<>();
        List<Operation> documented = new ArrayList<>();
        call("GET", "openapi.json", null, null).json().path("paths").fields().forEachRemaining(path -> path.getValue()
                .fieldNames().forEachRemaining(method -> {
                    String key = method.toUpperCase() + " " + path.getKey();
                    Operation op = listed.get(key);
                    if (PUBLIC.contains(key)) {
                        return;
                    }
                    if (op == null) {
                        problems.add(key + ": not in GET /api/permissions' operations");
                    } else if (op.permissions().isEmpty()) {
                        problems.add(key + ": names no permission (@RequiresPermission on its resource method)");
                    } else if (!rolesOf.keySet().containsAll(op.permissions())) {
                        problems.add(key + ": names " + op.permissions() + ", not all in the permission table");
                    } else {
                        documented.add(op);
                    }
                }));
        assertTrue("the insurance plugin's operations are walked too",
                documented.stream().anyMatch(o -> o.path().startsWith("/insurance/")));

        StringBuilder matrix = new StringBuilder(String.format("%-62s", "operation (✓ answered, · refused with 403)"));
        DEMO_USERS.forEach(u -> matrix.append(String.format(" %-10s", u)));
        matrix.append('\n');
        int requests = 0;
        for (Operation op : documented) {
            matrix.append(String.format("%-62s", op.key()));
            String path = op.path().replaceAll("\\{[^}]+}", NO_SUCH_ID).substring(1);
            boolean withBody = Set.of("POST", "PUT", "PATCH").contains(op.method());
            for (String user : DEMO_USERS) {
                boolean allowed = op.permissions().stream().anyMatch(p -> rolesOf.get(p).contains(user));
                Reply reply = call(op.method(), path, user, withBody ? "{}" : null, "If-Match", "\"1\"",
                        "Accept-Language", "en");
                requests++;
                boolean refused = reply.status() == 403;
                matrix.append(String.format(" %-10s", refused ? "·" : "✓"));
                if (reply.status() == 401) {
                    problems.add(op.key() + " as " + user + ": 401, the demo login failed");
                } else if (allowed == refused) {
                    problems.add(op.key() + " as " + user + ": " + reply.status() + " but the table says "
                            + (allowed ? "" : "not ") + "allowed by " + op.permissions() + ": " + reply.raw());
                } else if (refused && op.permissions().stream().noneMatch(reply.raw()::contains)) {
                    problems.add(op.key() + " as " + user + ": the 403 does not name the permission: " + reply.raw());
                }
            }
            matrix.append('\n');
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        String report = matrix + "\n" + documented.size() + " operations x " + DEMO_USERS.size() + " roles = "
                + requests
                + " requests in " + millis + " ms\n";
        System.out.println(report);
        Files.writeString(itestsTarget().resolve("permission-matrix.txt"), report, StandardCharsets.UTF_8);
        if (!problems.isEmpty()) {
            fail(problems.size() + " disagreements with the permission table:\n" + String.join("\n", problems));
        }
    }

    @Test
    public void theReadmeShowsThePermissionTableAsItIs() throws Exception {
        JsonNode table = table("advisor");
        String expected = markdown(table);
        Path readme = repository().resolve("README.md");
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        int begin = text.indexOf(README_BEGIN);
        int end = text.indexOf(README_END);
        assertTrue("README.md has the markers of the permission matrix", begin >= 0 && end > begin);
        String shown = text.substring(begin + README_BEGIN.length(), end);
        if (!shown.equals(expected)) {
            // DMS_UPDATE_README=true (inherited by the Karaf this test boots) writes the table into the README
            if ("true".equals(System.getenv("DMS_UPDATE_README"))) {
                Files.writeString(readme,
                        text.substring(0, begin + README_BEGIN.length()) + expected + text.substring(end),
                        StandardCharsets.UTF_8);
            } else {
                Path file = itestsTarget().resolve("permission-matrix.md");
                Files.writeString(file, expected, StandardCharsets.UTF_8);
                fail("README.md's 'Who may do what' differs from the permission table; the table as it is now is in "
                        + file
                        + " (or run this test with DMS_UPDATE_README=true)");
            }
        }
    }

    @Test
    public void everyUserSeesWhichPermissionsTheyHave() throws Exception {
        JsonNode table = table("cashier");
        List<String> granted = names(table.path("granted"));
        assertTrue(granted.toString(), granted.contains("customer.mobile.reveal"));
        assertTrue(granted.toString(), !granted.contains("customer.create"));
        Reply refused = call("POST", "customers", "cashier", "{\"type\":\"PERSON\",\"name\":\"x\"}", "Accept-Language",
                "en");
        assertEquals(403, refused.status());
        assertEquals("application/problem+json", refused.contentType());
        assertEquals("your role may not create customers (permission customer.create, needs admin/manager/advisor)",
                refused.json().path("errors").path(0).path("message").asText());
    }

    /** The matrix in the README: one row per permission, one column per role. */
    static String markdown(JsonNode table) {
        List<String> roles = names(table.path("roles"));
        StringBuilder md = new StringBuilder("\n| permission | 允许 allows |");
        roles.forEach(r -> md.append(' ').append(r).append(" |"));
        md.append("\n|---|---|");
        roles.forEach(r -> md.append(":-:|"));
        md.append('\n');
        for (JsonNode p : table.path("permissions")) {
            List<String> have = names(p.path("roles"));
            md.append("| `").append(p.path("name").asText()).append("` | ").append(p.path("labelZh").asText())
                    .append(' ')
                    .append(p.path("labelEn").asText()).append(" |");
            roles.forEach(r -> md.append(have.contains(r) ? " ✓ |" : "  |"));
            md.append('\n');
        }
        return md.toString();
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(n -> names.add(n.asText()));
        return names;
    }

    /** The checkout this test runs in: Pax Exam unpacks Karaf below karaf-distribution/itests/target/exam. */
    private static Path repository() {
        for (Path p = Paths.get(System.getProperty("karaf.home")).toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("README.md")) && Files.isDirectory(p.resolve("karaf-distribution"))) {
                return p;
            }
        }
        throw new AssertionError("no checkout above " + System.getProperty("karaf.home"));
    }

    private static Path itestsTarget() {
        return repository().resolve("karaf-distribution/itests/target");
    }
}
