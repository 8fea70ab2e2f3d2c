package org.opendms.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The permission table as users read it: the README's "Who may do what" matrix is held to GET /api/permissions, and
 * every user sees what they may do. That every operation of /api/openapi.json is refused with 403 exactly to the roles
 * the table excludes is checked by {@link SecuritySuiteIT}, beside the suite's other rules.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class PermissionMatrixIT extends DmsTestSupport {

    /** One demo user per shop role, named after it, password demo. */
    static final List<String> DEMO_USERS = List.of("admin", "advisor", "technician", "parts", "cashier",
            "manager",
            "foreman", "inspector");
    /**
     * Answer without login: health (a load balancer watches it), the web app's login (SessionIT covers it) and the
     * customer's e-bill (a link with a token, PrintingIT covers it); the payment provider's notification is checked by
     * its signature instead. The OpenAPI document itself is not in the document.
     */
    static final Set<String> PUBLIC = Set.of("GET /health", "POST /session", "GET /e-bill/{token}",
            "GET /e-bill/{token}/{kind}", "POST /settlements/online-payments/notify/{provider}");
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
