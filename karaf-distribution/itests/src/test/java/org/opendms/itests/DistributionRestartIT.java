package org.opendms.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The distribution exactly as a user runs it: unpacked, started with bin/start, stopped with bin/stop and started
 * again. What was stored before the restart is there after it. Prints the start-to-health time and resident memory.
 */
public class DistributionRestartIT {

    private static final int PORT = 28181 + DmsTestSupport.PORT_OFFSET;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private UnpackedDistribution dist;
    private Path home;

    /** Where the dealer's data lives when the test sets DMS_DEALER_HOME; null: the distribution's own dealer/. */
    private Path dealerHome;

    @Before
    public void unpack() throws Exception {
        unpackInto(Path.of("target/restart").toAbsolutePath());
    }

    /** A fresh copy of the distribution, as a dealer unpacks a newer build; it becomes the one started and stopped. */
    private void unpackInto(Path target) throws Exception {
        dist = UnpackedDistribution.unpack(target, PORT, 28101 + DmsTestSupport.PORT_OFFSET,
                21099 + DmsTestSupport.PORT_OFFSET,
                24444 + DmsTestSupport.PORT_OFFSET);
        home = dist.home;
    }

    @After
    public void stop() throws Exception {
        if (dist != null) {
            dist.shutDown();
        }
    }

    @Test
    public void aCustomerAndVehicleSurviveARestartOfThePlatform() throws Exception {
        start("first start");
        // a new dealer home starts from the database the distribution ships, every core changelog applied
        String log = Files.readString(home.resolve("data/log/karaf.log"), StandardCharsets.UTF_8);
        for (String line : log.split("\n")) {
            assertTrue("a core changelog ran at the first start: " + line, !line.contains(" ran successfully")
                    || !line.contains("ChangeSet db/org.opendms.")
                    || line.contains("ChangeSet db/org.opendms.plugin."));
        }
        assertTrue("no core schema is ready", log.contains("Schema of org.opendms.workorder.impl is at "));
        String mobile = "136" + String.format("%08d", System.currentTimeMillis() % 100_000_000L);
        JsonNode customer = send("POST", "customers",
                "{\"type\":\"PERSON\",\"name\":\"重启测试\",\"mobile\":\"" + mobile + "\"}", 201);
        String vin = TestData.vin(2183294);
        JsonNode vehicle = send("POST", "vehicles",
                "{\"vin\":\"" + vin + "\",\"plate\":\"京A·12345\",\"make\":\"大众\",\"model\":\"帕萨特\",\"ownerId\":"
                        + customer.path("id").asLong() + "}",
                201);

        assertTrue("Karaf stopped", dist.stop(90));
        try (var archives = Files.list(home.resolve("data/cds"))) {
            assertTrue("the first stop wrote no class archive in data/cds",
                    archives.anyMatch(f -> f.getFileName().toString().matches("opendms-[0-9]+\\.jsa\\.new")));
        }
        start("restart");
        // bin/dms-java: the restart reads the classes the first run loaded from that archive
        assertTrue("the restart does not use the class archive", dist.mapsClassArchive());

        JsonNode found = send("GET",
                "vehicles/by-plate/" + URLEncoder.encode("京a 12345", StandardCharsets.UTF_8).replace("+", "%20"), null,
                200);
        assertEquals(vehicle.path("id").asLong(), found.path("id").asLong());
        assertEquals(vin, found.path("vin").asText());
        assertEquals(customer.path("id").asLong(), found.path("ownerId").asLong());
        JsonNode again = send("GET", "customers/" + customer.path("id").asLong(), null, 200);
        assertEquals("重启测试", again.path("name").asText());
        assertTrue("no request met /api held back in two starts: the wait above polls every 200 ms",
                heldBackAnswers > 0);

        // a core bundle that does not start holds /api back only until nothing has changed for 10 s (ApiGate): then
        // the rest of /api answers, and health tells the admin what waits
        dist.console("bundle:stop org.opendms.appointment.rest");
        assertTrue("Karaf stopped", dist.stop(90));
        serverBuildsSinceLastRead();
        UnpackedDistribution.run(home, "bin/start");
        JsonNode health = adminHealthOnceApiOpens();
        assertEquals(health.toString(), "STARTING", health.path("status").asText());
        assertTrue(health.toString(),
                health.path("starting").toString().contains("org.opendms.appointment.rest: not active"));
        assertTrue("karaf.log does not say why /api opened", Files.readString(home.resolve("data/log/karaf.log"),
                StandardCharsets.UTF_8).contains("the core still starting and nothing changing for 10 s"));
        assertEquals("重启测试", send("GET", "customers/" + customer.path("id").asLong(), null, 200).path("name").asText());
        send("GET", "appointments?size=1", null, 404);
        // once the bundle runs again its endpoints join /api and health says UP
        dist.console("bundle:start org.opendms.appointment.rest");
        long deadline = System.currentTimeMillis() + 30_000;
        while (send("GET", "appointments?size=1", null, -1) == null || adminHealth().statusCode() != 200) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("the appointments endpoints or health UP did not come back within 30 s: "
                        + adminHealth().body());
            }
            Thread.sleep(200);
        }
    }

    /** Polls health as the admin until /api itself answers it (the details), not the placeholder that holds it back. */
    private JsonNode adminHealthOnceApiOpens() throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                HttpResponse<String> r = adminHealth();
                JsonNode body = r.body().startsWith("{") ? JSON.readTree(r.body()) : null;
                if (body != null && body.has("starting")) {
                    return body;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("/api did not open within 120 s with a core bundle stopped; see karaf.log");
    }

    private HttpResponse<String> adminHealth() throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + "/api/health"))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization",
                        "Basic " + Base64.getEncoder().encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    public void theDealersDataPluginsAndSettingsSurviveReplacingTheDistribution() throws Exception {
        dealerHome = Path.of("target/restart-dealer-home").toAbsolutePath();
        UnpackedDistribution.run(dealerHome.getParent(), "rm", "-rf", dealerHome.toString());
        start("first distribution with DMS_DEALER_HOME");
        JsonNode customer = send("POST", "customers", "{\"type\":\"PERSON\",\"name\":\"换版本测试\",\"mobile\":\"137"
                + String.format("%08d", System.currentTimeMillis() % 100_000_000L) + "\"}", 201);
        // the admin sets the renewal window in etc/, as the README says, then turns the plugin off
        Files.writeString(home.resolve("etc/org.opendms.insurance.cfg"), "renewalWindowDays = 45\n");
        long deadline = System.currentTimeMillis() + 30_000;
        for (JsonNode r = null; r == null
                || r.path("days").asInt() != 45; r = send("GET", "insurance/renewals", null, -1)) {
            assertTrue("the window from etc/org.opendms.insurance.cfg was not applied",
                    System.currentTimeMillis() < deadline);
            Thread.sleep(200);
        }
        assertEquals(false, send("admin", "POST", "plugins/insurance/disable", null, 200).path("enabled").asBoolean());
        assertTrue("Karaf stopped", dist.stop(90));

        unpackInto(Path.of("target/restart-newer").toAbsolutePath());
        assertTrue("the newer distribution has no settings of its own",
                !Files.exists(home.resolve("etc/org.opendms.insurance.cfg")));
        start("newer distribution, same DMS_DEALER_HOME");
        assertEquals("换版本测试",
                send("GET", "customers/" + customer.path("id").asLong(), null, 200).path("name").asText());
        JsonNode plugin = send("admin", "GET", "plugins/insurance", null, 200);
        assertEquals(plugin.toString(), false, plugin.path("enabled").asBoolean());
        send("GET", "insurance/renewals", null, 404);
        send("admin", "POST", "plugins/insurance/enable", null, 200);
        assertEquals("the setting came back from the dealer profile", 45,
                send("GET", "insurance/renewals", null, 200).path("days").asInt());
        // Karaf starts even a start="false" bundle at each deployment (the plugin turned off and on was two); a started
        // liquibase-core makes SPI Fly register its hundreds of services at every start (features/.../feature.xml)
        String liquibase = dist.console("bundle:list -t 0 -s org.liquibase.core");
        assertTrue("liquibase-core is not just resolved after the plugin deployments:\n" + liquibase,
                liquibase.contains("org.liquibase.core") && liquibase.contains("Resolved"));
        // a console command's answer is all that bin/client prints (a script reads it), no word from the JVM
        assertTrue("bin/client printed more than the answer:\n" + liquibase,
                liquibase.startsWith("START LEVEL") && !liquibase.contains("compiler directives"));
    }

    /** How often a request met /api held back while the core started (its 503 with Retry-After). */
    private int heldBackAnswers;

    /** How far karaf.log was read: the lines after it are this start's (or the last stop's). */
    private long logRead;

    /** How often the REST server was built since {@link #logRead}: CXF logs its address at each build. */
    private long serverBuildsSinceLastRead() throws IOException {
        Path file = home.resolve("data/log/karaf.log");
        String log = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        long from = log.length() >= logRead ? logRead : 0; // rolled over: count the new file
        logRead = log.length();
        return log.substring((int) from).lines().filter(l -> l.contains("Setting the server's publish address"))
                .count();
    }

    private void start(String what) throws Exception {
        // a stop takes /api away in one step (the gate closes first), not one rebuild per core resource leaving
        assertEquals(what + ": REST server builds while the platform stopped", 0, serverBuildsSinceLastRead());
        long started = System.nanoTime();
        if (dealerHome == null) {
            UnpackedDistribution.run(home, "bin/start");
        } else {
            ProcessBuilder b = new ProcessBuilder("bin/start").directory(home.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            b.environment().put("DMS_DEALER_HOME", dealerHome.toString());
            Process p = b.start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("bin/start did not return in 120 s");
            }
        }
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                HttpResponse<String> r = http.send(
                        // a bounded wait: a connection taken by a server that is being rebuilt may get no answer
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + "/api/health"))
                                .timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofString());
                // while the core starts /api says so (503), never with the web app's page
                assertTrue(what + ": /api/health answered 200 but not UP: " + r.body(),
                        r.statusCode() != 200 || r.body().contains("\"UP\""));
                if (r.statusCode() == 503 && r.headers().firstValue("Retry-After").isPresent()) {
                    // /api is held back until the whole core is registered: every path says so, as a problem
                    HttpResponse<String> held = http.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + "/api/customers"))
                                    .timeout(Duration.ofSeconds(10)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (held.headers().firstValue("Retry-After").isPresent()) {
                        assertEquals(what + ": " + held.body(), 503, held.statusCode());
                        assertTrue(what + ": " + held.headers().map(), held.headers().firstValue("Content-Type")
                                .orElse("").startsWith("application/problem+json"));
                        assertTrue(what + ": " + held.body(), held.body().contains("starting"));
                        heldBackAnswers++;
                    }
                }
                // UP (200) only once every core bundle is ready; anonymous callers get no more detail than that
                if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
                    // health says UP once every core resource is served; a client may then use any of them
                    if (allAnswer("customers?size=1", "vehicles?size=1", "appointments?size=1", "work-orders?size=1",
                            "permissions")) {
                        long rssKb = dist.rssKb();
                        System.out.printf("[figures] %s: start to /api ready %.1f s, resident memory %d MB%n", what,
                                (System.nanoTime() - started) / 1e9, rssKb / 1024);
                        // a service that got its listeners while starting reached them half-started (LateServices)
                        String log = Files.readString(home.resolve("data/log/karaf.log"), StandardCharsets.UTF_8);
                        assertTrue(what + ": a cycle between components in karaf.log",
                                !log.contains("resulted in a cycle"));
                        // /api is published once the whole core is registered: one build, not one per resource
                        assertEquals(what + ": REST server builds during the start", 1, serverBuildsSinceLastRead());
                        return;
                    }
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError(
                what + ": /api did not become ready within 120 s; see " + home.resolve("data/log/karaf.log"));
    }

    private boolean allAnswer(String... paths) throws Exception {
        for (String path : paths) {
            if (send("GET", path, null, -1) == null) {
                return false;
            }
        }
        return true;
    }

    private JsonNode send(String method, String path, String body, int expected) throws Exception {
        return send("advisor", method, path, body, expected);
    }

    private JsonNode send(String user, String method, String path, String body, int expected) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + "/api/" + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization",
                        "Basic " + Base64.getEncoder()
                                .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null || DmsTestSupport.WRITES.contains(method)) { // a change is JSON, even without a body
            b.header("Content-Type", "application/json");
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (expected == -1) {
            return r.statusCode() == 200 ? JSON.readTree(r.body()) : null;
        }
        assertEquals(method + " " + path + ": " + r.body(), expected, r.statusCode());
        return JSON.readTree(r.body());
    }
}
