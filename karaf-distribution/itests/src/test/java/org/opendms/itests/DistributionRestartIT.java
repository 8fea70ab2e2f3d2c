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
import java.util.Optional;
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

    private static final int PORT = 28181;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private Path home;

    @Before
    public void unpack() throws Exception {
        Path target = Path.of("target/restart").toAbsolutePath();
        run(target.getParent(), "rm", "-rf", target.toString());
        Files.createDirectories(target);
        run(target, "tar", "xzf", System.getProperty("opendms.distribution"), "--strip-components=1");
        home = target;
        replace("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port = 8181", "org.osgi.service.http.port = " + PORT);
        replace("etc/org.apache.karaf.shell.cfg", "sshPort = 8101", "sshPort = 28101");
        replace("etc/org.apache.karaf.management.cfg", "rmiRegistryPort = 1099", "rmiRegistryPort = 21099");
        replace("etc/org.apache.karaf.management.cfg", "rmiServerPort = 44444", "rmiServerPort = 24444");
    }

    @After
    public void stop() throws Exception {
        if (home != null) {
            run(home, "bin/stop");
            awaitExit(60);
            karaf().ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    public void aCustomerAndVehicleSurviveARestartOfThePlatform() throws Exception {
        start("first start");
        String mobile = "136" + String.format("%08d", System.currentTimeMillis() % 100_000_000L);
        JsonNode customer = send("POST", "customers", "{\"type\":\"PERSON\",\"name\":\"重启测试\",\"mobile\":\"" + mobile + "\"}", 201);
        String vin = TestData.vin(2183294);
        JsonNode vehicle = send("POST", "vehicles", "{\"vin\":\"" + vin + "\",\"plate\":\"京A·12345\",\"make\":\"大众\",\"model\":\"帕萨特\",\"ownerId\":"
                + customer.path("id").asLong() + "}", 201);

        run(home, "bin/stop");
        assertTrue("Karaf stopped", awaitExit(90));
        start("restart");

        JsonNode found = send("GET", "vehicles/by-plate/" + URLEncoder.encode("京a 12345", StandardCharsets.UTF_8).replace("+", "%20"), null, 200);
        assertEquals(vehicle.path("id").asLong(), found.path("id").asLong());
        assertEquals(vin, found.path("vin").asText());
        assertEquals(customer.path("id").asLong(), found.path("ownerId").asLong());
        JsonNode again = send("GET", "customers/" + customer.path("id").asLong(), null, 200);
        assertEquals("重启测试", again.path("name").asText());
    }

    private void start(String what) throws Exception {
        long started = System.nanoTime();
        run(home, "bin/start");
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + "/api/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("org.opendms.vehicle.impl")) {
                    // the customer and vehicle resources are registered once their schemas are ready
                    if (send("GET", "vehicles?size=1", null, -1) != null) {
                        long rssKb = karaf().map(DistributionRestartIT::rssKb).orElse(-1L);
                        System.out.printf("[figures] %s: start to /api ready %.1f s, resident memory %d MB%n", what,
                                (System.nanoTime() - started) / 1e9, rssKb / 1024);
                        return;
                    }
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError(what + ": /api did not become ready within 120 s; see " + home.resolve("data/log/karaf.log"));
    }

    private JsonNode send(String method, String path, String body, int expected) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + "/api/" + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("advisor:demo".getBytes(StandardCharsets.UTF_8)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (expected == -1) {
            return r.statusCode() == 200 ? JSON.readTree(r.body()) : null;
        }
        assertEquals(method + " " + path + ": " + r.body(), expected, r.statusCode());
        return JSON.readTree(r.body());
    }

    private Optional<ProcessHandle> karaf() {
        String marker = "-Dkaraf.home=" + home;
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false)).findFirst();
    }

    private boolean awaitExit(int seconds) throws InterruptedException {
        long deadline = System.currentTimeMillis() + seconds * 1000L;
        while (System.currentTimeMillis() < deadline) {
            if (karaf().isEmpty()) {
                return true;
            }
            Thread.sleep(250);
        }
        return false;
    }

    private static long rssKb(ProcessHandle p) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + p.pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            // not on Linux: no figure
        }
        return -1;
    }

    private void replace(String file, String from, String to) throws IOException {
        Path p = home.resolve(file);
        String s = Files.readString(p);
        if (!s.contains(from)) {
            throw new IllegalStateException(file + " has no '" + from + "'");
        }
        Files.writeString(p, s.replace(from, to));
    }

    private static void run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in 120 s");
        }
    }
}
