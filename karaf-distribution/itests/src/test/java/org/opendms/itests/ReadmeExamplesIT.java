package org.opendms.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The README as a newcomer follows it: the distribution unpacked fresh and started with bin/start (one boot for the
 * class), then every runnable ```sh block of README.md run in order with bash. A failing example names its README
 * line. Before that, the health check is held to its word: from the moment it says UP, every core endpoint answers.
 */
public class ReadmeExamplesIT {

    /** Ports of its own: PluginArchetypeIT and DistributionRestartIT unpack copies on 38181 and 28181. */
    private static final int PORT = 39181 + DmsTestSupport.PORT_OFFSET;
    private static final String BASE = "http://127.0.0.1:" + PORT + "/api/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private static UnpackedDistribution dist;
    /** Each core GET endpoint's status, asked the moment health first said UP. */
    private static Map<String, Integer> answersWhenUp;
    private static String healthWhenUp;
    private static double secondsToUp;

    @BeforeClass
    public static void startFresh() throws Exception {
        dist = UnpackedDistribution.unpack(Path.of("target/readme").toAbsolutePath(), PORT,
                39101 + DmsTestSupport.PORT_OFFSET, 39099 + DmsTestSupport.PORT_OFFSET,
                34446 + DmsTestSupport.PORT_OFFSET);
        long started = System.nanoTime();
        UnpackedDistribution.run(dist.home, "bin/start");
        healthWhenUp = awaitHealthUp();
        secondsToUp = (System.nanoTime() - started) / 1e9;
        answersWhenUp = coreAnswers();
        System.out.printf("[figures] README distribution: start to health UP %.1f s%n", secondsToUp);
    }

    @AfterClass
    public static void stop() throws Exception {
        if (dist != null) {
            dist.shutDown();
        }
    }

    @Test
    public void onceHealthSaysUpEveryCoreEndpointAnswers() {
        assertTrue(answersWhenUp.toString(), answersWhenUp.keySet().containsAll(
                List.of("/customers", "/vehicles", "/appointments", "/work-orders")));
        answersWhenUp.forEach(
                (path, status) -> assertTrue("GET " + path + " answered " + status + " right after health said UP "
                        + healthWhenUp + "; all: " + answersWhenUp, status != 404 && status < 500));
    }

    @Test
    public void everyRunnableReadmeExampleRunsAsWritten() throws Exception {
        Path readme = Path.of(System.getProperty("opendms.readme", "../../README.md"));
        long started = System.nanoTime();
        Run run = runExamples(readme, Path.of("target/readme-work").toAbsolutePath());
        System.out.printf("[figures] %d README commands ran in %.1f s%n", run.commands(),
                (System.nanoTime() - started) / 1e9);
        assertTrue("README.md has no runnable blocks (" + ReadmeExamples.MARKER + " before ```sh)",
                run.commands() > 10);
        if (run.exit() != 0) {
            fail(lastLines(run.output(), 25) + "\n(whole run: " + run.log() + ")");
        }
        assertTrue(run.output(), run.output().contains(">>> every README example ran"));
    }

    @Test
    public void aFailingExampleIsNamedByItsReadmeLineAndStopsTheRun() throws Exception {
        Path work = Path.of("target/readme-failing").toAbsolutePath();
        Path readme = work.resolveSibling("readme-failing.md");
        Files.writeString(readme, String.join("\n", "# A README", "", ReadmeExamples.MARKER, "```sh",
                "curl -s http://localhost:8181/api/health",
                "curl -s http://localhost:8181/api/customers   # answers 401",
                "curl -s http://localhost:8181/api/customers", "echo never", "```", ""));
        Run run = runExamples(readme, work);
        assertEquals(run.output(), 1, run.exit());
        assertTrue(run.output(), run.output().contains("README.md line 7: HTTP 401"));
        assertTrue(run.output(), !run.output().contains("never"));
    }

    record Run(int commands, int exit, String output, Path log) {
    }

    /** Runs the marked examples of a README with bash in an empty folder, against the distribution under test. */
    private static Run runExamples(Path readme, Path work) throws Exception {
        List<ReadmeExamples.Command> commands = ReadmeExamples.commands(readme);
        UnpackedDistribution.run(work.getParent(), "rm", "-rf", work.toString());
        Files.createDirectories(work);
        Path script = work.resolve("readme.sh");
        Files.writeString(script, ReadmeExamples.script(commands, "http://localhost:8181/", BASE.replace("api/", "")));
        Path log = work.resolve("readme.log");
        Process bash = new ProcessBuilder("bash", script.toString()).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!bash.waitFor(300, TimeUnit.SECONDS)) {
            bash.destroyForcibly();
            fail("the README examples did not finish in 300 s; see " + log);
        }
        return new Run(commands.size(), bash.exitValue(), Files.readString(log, StandardCharsets.UTF_8), log);
    }

    private static String lastLines(String output, int n) {
        String[] lines = output.split("\n");
        StringBuilder s = new StringBuilder();
        for (int i = Math.max(0, lines.length - n); i < lines.length; i++) {
            s.append(lines[i]).append('\n');
        }
        return s.toString();
    }

    /** Polls health from the start; returns its body when it first answers 200, which must say UP. */
    private static String awaitHealthUp() throws Exception {
        long deadline = System.currentTimeMillis() + 180_000;
        String last = "no answer";
        while (System.currentTimeMillis() < deadline) {
            try {
                HttpResponse<String> r = get("health", null);
                last = r.statusCode() + " " + r.body();
                if (r.statusCode() == 200) {
                    assertEquals(r.body(), "UP", JSON.readTree(r.body()).path("status").asText());
                    return r.body();
                }
                // until then 503 STARTING, or while the REST whiteboard (re)builds /api Jetty's 404 or CXF's 500
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("health did not say UP within 180 s; last: " + last + "; see "
                + dist.home.resolve("data/log/karaf.log"));
    }

    /**
     * Every GET of the OpenAPI document without a path parameter, except the plugins' own (a plugin is not core and
     * may start later), asked once as admin. Read from the document so that a resource added or split is covered.
     */
    private static Map<String, Integer> coreAnswers() throws Exception {
        List<String> plugins = new ArrayList<>();
        for (JsonNode p : JSON.readTree(get("plugins", "admin").body())) {
            plugins.add("/" + p.path("id").asText());
        }
        JsonNode paths = JSON.readTree(get("openapi.json", null).body()).path("paths");
        Map<String, Integer> answers = new TreeMap<>();
        for (Iterator<String> it = paths.fieldNames(); it.hasNext();) {
            String path = it.next();
            boolean plugin = plugins.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/"));
            if (!path.contains("{") && paths.path(path).has("get") && !plugin) {
                answers.put(path, get(path.substring(1), "admin").statusCode());
            }
        }
        return answers;
    }

    private static HttpResponse<String> get(String path, String user) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(30));
        if (user != null) {
            b.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
