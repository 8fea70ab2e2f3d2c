package org.opendms.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Map;

import javax.inject.Inject;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.service.cm.ConfigurationAdmin;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What an outsider, a browser with saved credentials, or a staff member trying doors meets (README: Security): login
 * slow-down and lock, security headers, JSON-only changes, health without details, plugin 404s and the repository
 * allow-list, escaped console output, and JMX for admins only.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class SecurityIT extends DmsTestSupport {

    @Inject
    protected ConfigurationAdmin configurations;

    @Before
    public void platformAnswers() throws Exception {
        awaitPlatform();
    }

    @After
    public void protectionAsTheTestsRun() throws Exception {
        loginProtection(3, 2, 60, 10, 15, 0, 0);
    }

    private void loginProtection(int slowDownAfter, int delaySeconds, int maxDelaySeconds, int lockAfter,
            int lockMinutes, int addressSlowDownAfter, int addressLockAfter) throws Exception {
        loginProtection(configurations, slowDownAfter, delaySeconds, maxDelaySeconds, lockAfter, lockMinutes,
                addressSlowDownAfter, addressLockAfter);
    }

    private static String newTechnician(String password) throws Exception {
        String login = "sec" + unique();
        ok(call("POST", "staff", "admin", StaffIT.technician(login, password)), 201);
        return login;
    }

    @Test
    public void repeatedFailuresSlowDownThenLockAndOnlyTheAdminUnlocksSooner() throws Exception {
        loginProtection(2, 3, 3, 4, 1, 0, 0);
        String login = newTechnician("Right-Pass-2026");
        String right = login + ":Right-Pass-2026";
        String wrong = login + ":wrong-password";

        assertEquals(401, call("GET", "customers?size=1", wrong, null).status());
        assertEquals(401, call("GET", "customers?size=1", wrong, null).status());
        // slowed down: even the right password waits, answered at once with Retry-After
        Reply slowed = call("GET", "customers?size=1", right, null, "Accept-Language", "en");
        assertEquals(slowed.raw(), 429, slowed.status());
        assertEquals("login.slowed", slowed.code(0));
        assertTrue(slowed.contentType(), slowed.contentType().startsWith("application/problem+json"));

        Thread.sleep(3300);
        assertEquals(401, call("GET", "customers?size=1", wrong, null).status());
        Thread.sleep(3300);
        assertEquals(401, call("GET", "customers?size=1", wrong, null).status()); // the fourth: locked
        Reply locked = call("GET", "customers?size=1", right, null, "Accept-Language", "en");
        assertEquals(locked.raw(), 429, locked.status());
        assertEquals("login.locked", locked.code(0));
        assertTrue(locked.raw(), locked.json().path("detail").asText().contains("locked"));
        assertTrue(locked.raw(), locked.json().path("detail").asText().contains("until"));
        assertFalse(locked.raw(), locked.json().path("until").asText().isEmpty());
        Reply lockedZh = call("GET", "customers?size=1", right, null);
        assertTrue(lockedZh.raw(), lockedZh.json().path("detail").asText().contains("锁定"));

        // refused before any password hashing: a flood costs nothing
        long started = System.nanoTime();
        for (int i = 0; i < 50; i++) {
            assertEquals(429, call("GET", "customers?size=1", wrong, null).status());
        }
        System.out.printf("50 attempts on a locked login answered in %d ms%n",
                (System.nanoTime() - started) / 1_000_000);

        // the admin sees the lock and the log; nobody else does
        JsonNode locks = ok(call("GET", "login-security/locks", "admin", null), 200);
        assertTrue(locks.toString(), locks.toString().contains("\"login\":\"" + login + "\""));
        assertEquals(403, call("GET", "login-security/locks", "technician", null).status());
        JsonNode events = ok(call("GET", "login-security/events?login=" + login, "admin", null), 200);
        int failed = 0;
        int lockedEvents = 0;
        for (JsonNode e : events) {
            failed += "FAILED".equals(e.path("kind").asText()) ? 1 : 0;
            lockedEvents += "LOCKED".equals(e.path("kind").asText()) ? 1 : 0;
        }
        assertEquals(events.toString(), 4, failed);
        assertEquals(events.toString(), 1, lockedEvents);

        assertEquals(403,
                call("POST", "login-security/unlock", "technician", "{\"login\":\"" + login + "\"}").status());
        ok(call("POST", "login-security/unlock", "admin", "{\"login\":\"" + login + "\"}"), 200);
        ok(call("GET", "customers?size=1", right, null), 200);
        assertEquals(404, call("POST", "login-security/unlock", "admin", "{\"login\":\"" + login + "\"}").status());
        JsonNode after = ok(call("GET", "login-security/events?login=" + login + "&limit=1", "admin", null), 200);
        assertEquals("UNLOCKED", after.path(0).path("kind").asText());
        assertEquals("admin", after.path(0).path("by").asText());
    }

    @Test
    public void failuresFromOneAddressLockItAndTheConsoleUnlocksItShowingTypedEscapeCodesEscaped() throws Exception {
        loginProtection(100, 1, 1, 0, 1, 0, 3);
        // a login name carrying terminal escape codes and a right-to-left override, as an attacker may type it
        String evil = "evil\u001b[2J\u202e" + unique();
        for (int i = 0; i < 3; i++) {
            assertEquals(401, call("GET", "customers?size=1", evil + i + ":x", null).status());
        }
        Reply admin = call("GET", "customers?size=1", "admin", null);
        assertEquals(admin.raw(), 429, admin.status());
        assertEquals("login.locked", admin.code(0));
        assertTrue(admin.raw(), admin.json().path("detail").asText().contains("地址"));

        String shown = console("dms:login-locks");
        assertFalse("no raw escape reaches the terminal: " + shown, shown.contains("\u001b"));
        assertFalse(shown, shown.contains("\u202e"));
        assertTrue(shown, shown.contains("\\x1b[2J\\u202e"));
        assertTrue(shown, shown.contains("127.0.0.1"));

        String unlocked = console("dms:login-unlock --address 127.0.0.1");
        assertTrue(unlocked, unlocked.contains("127.0.0.1"));
        ok(call("GET", "customers?size=1", "admin", null), 200);
    }

    @Test
    public void everyAnswerCarriesTheSecurityHeaders() throws Exception {
        for (String[] request : new String[][] { { "customers?size=1", "advisor" }, { "customers?size=1", null },
                { "no-such-path", "advisor" }, { "health", null }, { "openapi.json", null } }) {
            java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(BASE + request[0]))
                            .headers(request[1] == null ? new String[] { "Accept", "*/*" }
                                    : new String[] { "Authorization", "Basic " + java.util.Base64.getEncoder()
                                            .encodeToString((request[1] + ":demo").getBytes(StandardCharsets.UTF_8)) })
                            .build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            String what = request[0] + " as " + request[1] + " (" + r.statusCode() + ")";
            assertEquals(what, "nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null));
            assertEquals(what, "DENY", r.headers().firstValue("X-Frame-Options").orElse(null));
            assertTrue(what, r.headers().firstValue("Content-Security-Policy").orElse("")
                    .contains("frame-ancestors 'none'"));
            assertEquals(what, "no-referrer", r.headers().firstValue("Referrer-Policy").orElse(null));
            assertEquals(what, "no-store", r.headers().firstValue("Cache-Control").orElse(null));
        }
    }

    @Test
    public void aCrossSiteFormPostIsRefusedAndAJsonOneIsNot() throws Exception {
        ensureInsuranceEnabled();
        // what a page elsewhere can make a logged-in browser send: text/plain, no body
        Reply form = call("POST", "plugins/insurance/disable", "admin", null, "Content-Type", "text/plain",
                "Accept-Language", "en");
        assertEquals(form.raw(), 415, form.status());
        assertEquals("Content-Type", form.field(0));
        assertEquals("request.json_required", form.code(0));
        Reply urlencoded = call("POST", "plugins/insurance/disable", "admin", "a=b", "Content-Type",
                "application/x-www-form-urlencoded");
        assertEquals(urlencoded.raw(), 415, urlencoded.status());
        assertTrue("still enabled", call("GET", "plugins/insurance", "admin", null).json().path("enabled").asBoolean());
        // without any Content-Type (a plain fetch) likewise
        java.net.http.HttpResponse<String> bare = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(BASE + "plugins/insurance/disable"))
                        .POST(java.net.http.HttpRequest.BodyPublishers.noBody())
                        .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                                .encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8)))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(bare.body(), 415, bare.statusCode());
        // a role check still comes first
        assertEquals(403, call("POST", "plugins/insurance/disable", "advisor", null, "Content-Type", "text/plain")
                .status());
        // sent as JSON it works
        ok(call("POST", "plugins/insurance/disable", "admin", null), 200);
        ensureInsuranceEnabled();
    }

    private static void ensureInsuranceEnabled() throws Exception {
        if (!call("GET", "plugins/insurance", "admin", null).json().path("enabled").asBoolean()) {
            ok(call("POST", "plugins/insurance/enable", "admin", null), 200);
            awaitAnswer("insurance/renewals", "advisor", 200);
        }
    }

    @Test
    public void healthTellsAnonymousCallersOnlyWhetherItIsUp() throws Exception {
        JsonNode anonymous = ok(call("GET", "health", null, null), 200);
        assertEquals(anonymous.toString(), 1, anonymous.size());
        assertEquals("UP", anonymous.path("status").asText());
        assertFalse(anonymous.toString(), anonymous.toString().contains("Derby"));
        JsonNode advisor = ok(call("GET", "health", "advisor", null), 200);
        assertEquals(advisor.toString(), 1, advisor.size());
        JsonNode admin = ok(call("GET", "health", "admin", null), 200);
        assertTrue(admin.toString(), admin.path("database").path("product").asText().startsWith("Apache Derby"));
        assertTrue(admin.toString(), admin.path("schemas").has("org.opendms.customer.impl"));
    }

    @Test
    public void operationsOnAPluginThatDoesNotExistAnswer404AndAreNotRecordedAsDone() throws Exception {
        assertEquals(404, call("POST", "plugins/no-such-plugin/disable", "admin", null).status());
        assertEquals(404, call("DELETE", "plugins/no-such-plugin", "admin", null).status());
        assertEquals(404, call("POST", "plugins/no-such-plugin/update", "admin", "{}").status());
        for (JsonNode op : ok(call("GET", "plugins/operations?limit=20", "admin", null), 200)) {
            if ("no-such-plugin".equals(op.path("plugin").asText())) {
                assertFalse(op.toString(), op.path("succeeded").asBoolean());
            }
        }
    }

    @Test
    public void pluginRepositoriesComeOnlyFromAllowedPlacesAndARefusalEchoesNothingOfTheFile() throws Exception {
        for (String repository : new String[] { "file:///etc/passwd", "http://169.254.169.254/latest/meta-data",
                "https://example.com/features.xml", "mvn:http://evil.example!org.evil/x/1.0/xml/features",
                "file:/tmp/../etc/passwd" }) {
            Reply refused = call("POST", "plugins", "admin", "{\"repository\":\"" + repository + "\"}",
                    "Accept-Language", "en");
            assertEquals(repository + ": " + refused.raw(), 400, refused.status());
            assertEquals(refused.raw(), "plugin.repository.not_allowed", refused.code(0));
            assertFalse(refused.raw(), refused.raw().contains("root:"));
        }
        // inside an allowed folder (the tests allow the temporary folder), a file that is no feature repository
        Path secret = Files.createTempFile("not-features", ".xml");
        Files.writeString(secret, "secret-content-4711 <not xml", StandardCharsets.UTF_8);
        Reply unreadable = call("POST", "plugins", "admin", "{\"repository\":\"" + secret.toUri() + "\"}");
        assertEquals(unreadable.raw(), 400, unreadable.status());
        assertEquals("plugin.repositoryUnreadable", unreadable.code(0));
        assertFalse(unreadable.raw(), unreadable.raw().contains("secret-content-4711"));
        assertFalse(unreadable.raw(), unreadable.raw().toLowerCase().contains("sax"));
    }

    @Test
    public void consoleOutputShowsEscapeCodesInStoredTextEscaped() throws Exception {
        String name = "清屏\u001b[2J客户\u202e" + unique();
        Reply created = call("POST", "customers", "advisor",
                "{\"type\":\"PERSON\",\"name\":" + JSON.writeValueAsString(name)
                        + ",\"mobile\":\"" + newMobile() + "\"}");
        if (created.status() != 201) {
            // the REST input rules refuse control characters already: then nothing to print
            assertEquals(created.raw(), 400, created.status());
            return;
        }
        String shown = console("dms:customer-show " + created.json().path("id").asLong());
        assertFalse(shown, shown.contains("\u001b"));
        assertFalse(shown, shown.contains("\u202e"));
        assertTrue(shown, shown.contains("清屏\\x1b[2J客户\\u202e"));
    }

    @Test
    public void onlyAnAdminConnectsToJmx() throws Exception {
        // the ports as the distribution runs them (Pax Exam may choose its own)
        Dictionary<String, Object> management = configurations.getConfiguration("org.apache.karaf.management", null)
                .getProperties();
        JMXServiceURL url = new JMXServiceURL("service:jmx:rmi://127.0.0.1:" + management.get("rmiServerPort")
                + "/jndi/rmi://127.0.0.1:" + management.get("rmiRegistryPort") + "/karaf-"
                + System.getProperty("karaf.name", "root"));
        assertEquals("dms-admin", management.get("jmxRealm"));
        for (String user : new String[] { "technician", "manager", "advisor" }) {
            try (JMXConnector c = JMXConnectorFactory.connect(url,
                    Map.of(JMXConnector.CREDENTIALS, new String[] { user, "demo" }))) {
                c.getMBeanServerConnection().queryNames(null, null);
                fail(user + " connected to JMX and listed its beans");
            } catch (SecurityException expected) {
                // refused at login
            }
        }
        try (JMXConnector c = JMXConnectorFactory.connect(url,
                Map.of(JMXConnector.CREDENTIALS, new String[] { "admin", "demo" }))) {
            MBeanServerConnection beans = c.getMBeanServerConnection();
            assertNotNull(beans.getDefaultDomain());
            assertTrue(beans.queryNames(null, null).size() > 0);
        }
    }
}
