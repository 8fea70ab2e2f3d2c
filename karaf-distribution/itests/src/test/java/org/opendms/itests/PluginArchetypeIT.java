package org.opendms.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a third party does with the plugin archetype, outside this build: generate a plugin, build it with Maven
 * (offline, from what this build installed), add and enable it in a running distribution over REST as admin, use its
 * endpoints, its vehicle listener and its console command, then remove it. Core keeps answering throughout. Prints how
 * long each step took.
 */
public class PluginArchetypeIT {

    private static final int PORT = 38181 + DmsTestSupport.PORT_OFFSET;
    private static final int SSH_PORT = 38101 + DmsTestSupport.PORT_OFFSET;
    private static final String ID = "tyre-hotel";
    /**
     * The archetype plugin plugins/archetype is built with, named in full: offline, the short "archetype:generate"
     * needs the plugin's version metadata, which a local repository may not have.
     */
    private static final String ARCHETYPE_GENERATE = "org.apache.maven.plugins:maven-archetype-plugin:3.4.1:generate";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private UnpackedDistribution dist;
    private Path home;
    private Path logs;
    private Path outside;

    private record Reply(int status, String raw) {
        JsonNode json() throws IOException {
            return JSON.readTree(raw);
        }
    }

    @Before
    public void unpack() throws Exception {
        Path target = Path.of("target/plugin-archetype").toAbsolutePath();
        UnpackedDistribution.run(target.getParent(), "rm", "-rf", target.toString());
        dist = UnpackedDistribution.unpack(target.resolve("opendms"), PORT, SSH_PORT,
                31099 + DmsTestSupport.PORT_OFFSET,
                54445 + DmsTestSupport.PORT_OFFSET);
        home = dist.home;
        logs = target.resolve("logs");
        Files.createDirectories(logs);
        String repo = localRepository();
        if (repo != null) {
            // the platform fetches the plugin's bundle from the repository the plugin was installed into
            Files.writeString(home.resolve("etc/org.ops4j.pax.url.mvn.cfg"),
                    "\norg.ops4j.pax.url.mvn.localRepository = " + repo + "\n", StandardOpenOption.APPEND);
        }
        // outside the reactor: no parent pom and no .mvn directory above it
        outside = Files.createTempDirectory("opendms-plugin-");
        // the shop allows its developer's build folder as a place plugin repositories may come from
        Files.writeString(home.resolve("etc/org.opendms.plugin.repositories.cfg"),
                "allowedRepositories = mvn:, file:{dealer.home}/plugins/, file:" + outside.toRealPath() + "/\n");
    }

    @After
    public void stop() throws Exception {
        if (dist != null) {
            dist.shutDown();
        }
        if (outside != null) {
            try (Stream<Path> files = Files.walk(outside)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    public void aPluginGeneratedFromTheArchetypeBuildsInstallsAnswersAndIsRemovedWhileCoreKeepsAnswering()
            throws Exception {
        long started = System.nanoTime();
        maven(outside, "generate", ARCHETYPE_GENERATE, "-DarchetypeCatalog=local",
                "-DarchetypeGroupId=org.opendms", "-DarchetypeArtifactId=opendms-plugin-archetype",
                "-DarchetypeVersion=" + System.getProperty("opendms.version"), "-DgroupId=com.example.shop",
                "-DartifactId=" + ID, "-Dpackage=com.example.shop.tyrehotel", "-DpluginId=" + ID,
                "-DinteractiveMode=false");
        figure("archetype:generate", started);
        Path project = outside.resolve(ID);

        started = System.nanoTime();
        maven(project, "build", "install");
        figure("mvn -o install of the generated plugin (its tests and karaf:verify included)", started);
        Path repository = project.resolve("feature/target/feature/feature.xml");
        assertTrue(repository + " was built", Files.isRegularFile(repository));

        started = System.nanoTime();
        start();
        figure("distribution start to /api and /api/plugins ready", started);

        started = System.nanoTime();
        Reply added = call("POST", "plugins", "admin", "{\"repository\":\"" + repository.toUri() + "\"}");
        assertEquals(added.raw(), 200, added.status());
        Reply enabled = call("POST", "plugins/" + ID + "/enable", "admin", null);
        assertEquals(enabled.raw(), 200, enabled.status());
        assertEquals(enabled.raw(), "ACTIVE", enabled.json().path("state").asText());
        Reply status = await("GET", ID + "/status", 200, 60);
        figure("add and enable over REST until /api/" + ID + " answers", started);
        long seen = status.json().path("vehicleEventsSeen").asLong();

        long vehicle = newVehicle();
        assertEquals("the plugin's listener was told of the vehicle created through core",
                seen + 1, call("GET", ID + "/status", "advisor", null).json().path("vehicleEventsSeen").asLong());

        Reply note = call("POST", ID + "/notes", "advisor",
                "{\"vehicleId\":" + vehicle + ",\"text\":\" 冬季胎存放于 B-12 货架 \"}");
        assertEquals(note.raw(), 201, note.status());
        assertEquals("冬季胎存放于 B-12 货架", note.json().path("text").asText());
        assertEquals("advisor", note.json().path("createdBy").asText());
        JsonNode listed = call("GET", ID + "/notes?vehicleId=" + vehicle, "advisor", null).json();
        assertEquals(listed.toString(), 1, listed.size());
        assertEquals(note.json().path("id").asLong(), listed.get(0).path("id").asLong());

        Reply refused = call("POST", ID + "/notes", "advisor", "{\"vehicleId\":null,\"text\":\" \"}", "Accept-Language",
                "en");
        assertEquals(refused.raw(), 400, refused.status());
        JsonNode errors = refused.json().path("errors");
        assertEquals(refused.raw(), "vehicleId", errors.path(0).path("field").asText());
        assertEquals(refused.raw(), "text", errors.path(1).path("field").asText());
        assertEquals(refused.raw(), "note text (text) is required", errors.path(1).path("message").asText());
        Reply zh = call("POST", ID + "/notes", "advisor", "{\"vehicleId\":999999,\"text\":\"x\"}");
        assertEquals(zh.raw(), 400, zh.status());
        assertTrue(zh.raw(), zh.json().path("errors").path(0).path("message").asText().contains("不存在"));
        assertEquals(403,
                call("POST", ID + "/notes", "cashier", "{\"vehicleId\":" + vehicle + ",\"text\":\"x\"}").status());
        assertEquals(401, call("GET", ID + "/notes", null, null).status());

        String console = console(ID + ":notes --limit 5 " + vehicle);
        assertTrue(console, console.contains("冬季胎存放于 B-12 货架") && console.contains("1 note(s)"));

        JsonNode paths = call("GET", "openapi.json", null, null).json().path("paths");
        assertTrue("the plugin's fragment is merged under its id: " + paths,
                paths.has("/" + ID + "/notes") && paths.has("/" + ID + "/status"));

        // its page in the web app: listed with the module's address, the module served from the plugin's bundle
        String module = pageModule();
        assertTrue("the plugin's page is listed for the web app", module != null);
        HttpResponse<String> page = file(module);
        assertEquals(module, 200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse(""),
                page.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
        assertTrue(page.body(), page.body().contains("export default") && page.body().contains("/" + ID + "/notes"));

        started = System.nanoTime();
        Reply removed = call("DELETE", "plugins/" + ID, "admin", null);
        assertEquals(removed.raw(), 200, removed.status());
        await("GET", ID + "/notes", 404, 30);
        figure("remove over REST until /api/" + ID + " answers 404", started);
        assertEquals(200, call("GET", "customers?size=1", "advisor", null).status());
        assertEquals(200, call("GET", "vehicles/" + vehicle, "advisor", null).status());
        assertEquals(404, call("GET", "plugins/" + ID, "admin", null).status());
        assertFalse("a removed plugin's paths leave the API document",
                call("GET", "openapi.json", null, null).json().path("paths").has("/" + ID + "/notes"));
        assertEquals("a removed plugin's page leaves the web app", null, pageModule());
        assertEquals(404, file(module).statusCode());
    }

    /** The address of the plugin's notes page as GET /api/web/extensions lists it for an advisor, or null. */
    private String pageModule() throws Exception {
        for (JsonNode e : call("GET", "web/extensions", "advisor", null).json().path("extensions")) {
            for (JsonNode p : e.path("pages")) {
                if (ID.equals(e.path("plugin").asText()) && ("/" + ID + "/notes").equals(p.path("path").asText())) {
                    return p.path("module").asText();
                }
            }
        }
        return null;
    }

    /** A file of the web app by its absolute path, as the browser fetches it. */
    private HttpResponse<String> file(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + path))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private long newVehicle() throws Exception {
        long n = System.nanoTime() / 1000 % 10_000_000L;
        Reply customer = call("POST", "customers", "advisor",
                "{\"type\":\"PERSON\",\"name\":\"轮胎寄存客户\",\"mobile\":\"139"
                        + String.format("%08d", n) + "\"}");
        assertEquals(customer.raw(), 201, customer.status());
        Reply vehicle = call("POST", "vehicles", "advisor", "{\"vin\":\"" + TestData.vin(n) + "\",\"plate\":\""
                + TestData.plate(n) + "\",\"make\":\"大众\",\"model\":\"帕萨特\",\"ownerId\":"
                + customer.json().path("id").asLong() + "}");
        assertEquals(vehicle.raw(), 201, vehicle.status());
        return vehicle.json().path("id").asLong();
    }

    private static void figure(String step, long startedNanos) {
        System.out.printf("[figures] plugin archetype: %s %.1f s%n", step, (System.nanoTime() - startedNanos) / 1e9);
    }

    // ---------------------------------------------------------------- Maven, as a plugin author runs it

    /** Runs Maven offline in dir; its output goes to target/plugin-archetype/logs/{name}.log. */
    private void maven(Path dir, String name, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(mvn(), "-B", "-o"));
        String repo = localRepository();
        if (repo != null) {
            command.add("-Dmaven.repo.local=" + repo);
        }
        command.addAll(List.of(args));
        Path log = logs.resolve(name + ".log");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in 10 minutes; see " + log);
        }
        if (p.exitValue() != 0) {
            List<String> lines = Files.readAllLines(log);
            throw new AssertionError(String.join(" ", command) + " failed in " + dir + " (exit " + p.exitValue() + "); "
                    + log + " ends:\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
        }
    }

    /** The Maven running this build (maven.home, passed by the pom), else mvn on the PATH. */
    private static String mvn() {
        String mavenHome = System.getProperty("maven.home");
        if (mavenHome != null && !mavenHome.isBlank() && Files.isExecutable(Path.of(mavenHome, "bin", "mvn"))) {
            return Path.of(mavenHome, "bin", "mvn").toString();
        }
        return "mvn";
    }

    private static String localRepository() {
        String repo = System.getProperty("maven.repo.local");
        return repo == null || repo.isBlank() || repo.contains("${") ? null : repo;
    }

    // ---------------------------------------------------------------- the distribution, as a dealer runs it

    private void start() throws Exception {
        ProcessBuilder b = new ProcessBuilder("bin/start").directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        // the dealer's data stays inside this unpacked copy, whatever the environment says
        b.environment().put("DMS_DEALER_HOME", home.resolve("dealer").toString());
        Process p = b.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("bin/start did not return in 120 s");
        }
        long deadline = System.currentTimeMillis() + 180_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                Reply health = call("GET", "health", null, null);
                // anonymous callers hear only UP (which needs every core bundle ready), not the bundles' details
                if (health.status() == 200 && health.raw().contains("\"UP\"")
                        && call("GET", "vehicles?size=1", "advisor", null).status() == 200
                        && call("GET", "appointments?size=1", "advisor", null).status() == 200
                        && call("GET", "work-orders?size=1", "advisor", null).status() == 200
                        && call("GET", "permissions", "advisor", null).status() == 200
                        && call("GET", "plugins", "admin", null).status() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("/api did not become ready within 180 s; see " + home.resolve("data/log/karaf.log"));
    }

    /** Repeats a request until it answers with the status, for what the platform does in the background. */
    private Reply await(String method, String path, int expected, int seconds) throws Exception {
        long deadline = System.currentTimeMillis() + seconds * 1000L;
        Reply last = null;
        while (System.currentTimeMillis() < deadline) {
            last = call(method, path, "advisor", null);
            if (last.status() == expected) {
                return last;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(
                method + " " + path + " did not answer " + expected + " within " + seconds + " s; last "
                        + last.status() + " " + last.raw() + "; see " + home.resolve("data/log/karaf.log"));
    }

    private Reply call(String method, String path, String user, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + "/api/" + path))
                .timeout(Duration.ofSeconds(120))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (user != null) {
            b.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        if (body != null || DmsTestSupport.WRITES.contains(method)) { // a change is JSON, even without a body
            b.header("Content-Type", "application/json");
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Reply(r.statusCode(), r.body());
    }

    /** A console command through the distribution's own bin/client, as admin. */
    private String console(String command) throws Exception {
        return dist.console(command);
    }
}
