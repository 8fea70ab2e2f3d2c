package org.opendms.itests;

import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.vmOptions;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedExceptionAction;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;

import javax.inject.Inject;
import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.ops4j.pax.exam.options.extra.VMOption;
import org.osgi.framework.BundleContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Boots the assembled distribution once for every integration check (Pax Exam's PerSuite strategy on each class)
 * and talks to it as users do: HTTP with a demo login, and the console.
 */
public abstract class DmsTestSupport {

    /**
     * Added to every port the test distribution listens on ({@code -Ddms.it.portOffset=N}), so that several checkouts
     * on
     * one machine can run their integration tests at once.
     */
    static final int PORT_OFFSET = Integer.getInteger("dms.it.portOffset", 0);
    static final int HTTP_PORT = 18181 + PORT_OFFSET;
    static final String BASE = "http://127.0.0.1:" + HTTP_PORT + "/api/";
    private static final AtomicLong UNIQUE = new AtomicLong(System.currentTimeMillis() % 100_000_000L);
    static final ObjectMapper JSON = new ObjectMapper();
    static final java.util.Set<String> WRITES = java.util.Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Inject
    protected BundleContext bundleContext;

    @Inject
    protected SessionFactory sessionFactory;

    @Configuration
    public Option[] config() {
        String distribution = System.getProperty("opendms.distribution");
        return new Option[] {
                karafDistributionConfiguration().frameworkUrl(new File(distribution).toURI().toString())
                        .unpackDirectory(new File("target/exam")).useDeployFolder(false).name("OpenDMS"),
                configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
                logLevel(LogLevel.WARN),
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port",
                        Integer.toString(HTTP_PORT)),
                editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort",
                        Integer.toString(18101 + PORT_OFFSET)),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort",
                        Integer.toString(11099 + PORT_OFFSET)),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort",
                        Integer.toString(44445 + PORT_OFFSET)),
                // the plugin tests add repositories they build in temporary and target folders
                editConfigurationFilePut("etc/org.opendms.plugin.repositories.cfg", "allowedRepositories",
                        "mvn:, file:{dealer.home}/plugins/, file:" + new File(System.getProperty("java.io.tmpdir"))
                                .getAbsolutePath() + "/, file:" + new File("target").getAbsolutePath() + "/"),
                // every test request comes from 127.0.0.1: locking that address would stop the rest of the run
                // (SecurityIT turns it on for its own checks)
                editConfigurationFilePut("etc/org.opendms.login.cfg", "addressSlowDownAfter", "0"),
                editConfigurationFilePut("etc/org.opendms.login.cfg", "addressLockAfter", "0"),
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository",
                        System.getProperty("maven.repo.local", System.getProperty("user.home") + "/.m2/repository")),
                vmOptions("-Xmx512m"),
                new VMOption("-Dfile.encoding=UTF-8"),
                systemProperty("pax.exam.service.timeout").value("60000"),
                systemProperty("dms.it.portOffset").value(Integer.toString(PORT_OFFSET)),
        };
    }

    /** The answer's JSON, after checking its status (the raw answer is the message when it is not). */
    static JsonNode ok(Reply r, int status) {
        org.junit.Assert.assertEquals(r.raw(), status, r.status());
        return r.json();
    }

    /** A number no other test run has used, for mobiles, plates and VINs that must be unique. */
    static long unique() {
        return UNIQUE.incrementAndGet();
    }

    /**
     * The start ("HH:mm") of a slot later today in the shop's zone with a place free, or null late in the day: an
     * appointment is received on its own day only, so a test that receives one books it for today.
     */
    static String todaysFreeSlot() throws Exception {
        java.time.LocalDateTime now = java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Shanghai"));
        for (JsonNode slot : call("GET", "appointments/slots?date=" + now.toLocalDate(), "advisor", null).json()) {
            java.time.LocalTime start = java.time.LocalTime.parse(slot.path("start").asText());
            if (start.isAfter(now.toLocalTime().plusMinutes(5))
                    && slot.path("booked").asInt() < slot.path("capacity").asInt()) {
                return slot.path("start").asText().substring(0, 5);
            }
        }
        return null;
    }

    /** A mainland mobile nobody else in this run has. */
    static String newMobile() {
        return "137" + String.format("%08d", unique() % 100_000_000L);
    }

    record Reply(int status, String contentType, String etag, String location, JsonNode json, String raw) {
        String field(int i) {
            return json.path("errors").path(i).path("field").asText();
        }

        String code(int i) {
            return json.path("errors").path(i).path("code").asText();
        }
    }

    static Reply call(String method, String path, String user, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        boolean typed = false;
        for (int i = 0; i < headers.length; i += 2) {
            typed |= headers[i].equalsIgnoreCase("Content-Type");
        }
        // a change is sent as JSON even without a body, as every client of /api does (README: Security)
        if (!typed && (body != null || WRITES.contains(method))) {
            request.header("Content-Type", "application/json");
        }
        if (user != null) {
            String password = user.contains(":") ? "" : ":demo";
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + password).getBytes(StandardCharsets.UTF_8)));
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> response = HTTP.send(request.build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        JsonNode json = null;
        String raw = response.body();
        if (raw != null && !raw.isEmpty()
                && response.headers().firstValue("Content-Type").orElse("").contains("json")) {
            json = JSON.readTree(raw);
        }
        return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.headers().firstValue("ETag").orElse(null),
                response.headers().firstValue("Location").orElse(null),
                json, raw);
    }

    /** Waits until /api answers with the given path (the REST whiteboard settles after the bundles start). */
    static void awaitAnswer(String path, String user, int status) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        Reply last = null;
        while (System.currentTimeMillis() < deadline) {
            try {
                last = call("GET", path, user, null);
                if (last.status() == status) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError(path + " did not answer " + status + " within 60 s; last: "
                + (last == null ? "no answer" : last.status() + " " + last.raw()));
    }

    /**
     * Waits until every core resource and the plugins the distribution's profile enables answer: until then the REST
     * whiteboard may still rebuild /api as resources arrive, and a request can meet the servlet's bare 404.
     */
    static void awaitPlatform() throws Exception {
        for (String path : new String[] { "customers?size=1", "vehicles?size=1", "appointments?size=1",
                "work-orders?size=1",
                "labour-operations?size=1", "technician-skills", "permissions", "insurance/renewals",
                "membership/members?size=1" }) {
            awaitAnswer(path, "advisor", 200);
        }
        awaitAnswer("plugins", "admin", 200);
        awaitAnswer("staff", "admin", 200);
    }

    /**
     * {@link #awaitPlatform()} up to three times: the first class of a suite also waits for the platform's first start
     * (every core service waits for its migrations), slower than one wait on a busy machine; then the answer the class
     * needs ({@code path} as {@code user}).
     */
    static void awaitPlatformPatiently(String path, String user) throws Exception {
        for (int attempt = 1;; attempt++) {
            try {
                awaitPlatform();
                break;
            } catch (AssertionError notYet) {
                if (attempt == 3) {
                    throw notYet;
                }
            }
        }
        awaitAnswer(path, user, 200);
    }

    /** Sets etc/org.opendms.login.cfg live and waits until the component has it. */
    static void loginProtection(org.osgi.service.cm.ConfigurationAdmin configurations, int slowDownAfter,
            int delaySeconds, int maxDelaySeconds, int lockAfter, int lockMinutes, int addressSlowDownAfter,
            int addressLockAfter) throws Exception {
        org.osgi.service.cm.Configuration c = configurations.getConfiguration("org.opendms.login", null);
        java.util.Dictionary<String, Object> p = new java.util.Hashtable<>();
        p.put("slowDownAfter", slowDownAfter);
        p.put("delaySeconds", delaySeconds);
        p.put("maxDelaySeconds", maxDelaySeconds);
        p.put("lockAfter", lockAfter);
        p.put("lockMinutes", lockMinutes);
        p.put("addressSlowDownAfter", addressSlowDownAfter);
        p.put("addressLockAfter", addressLockAfter);
        p.put("forgetAfterMinutes", 60);
        c.update(p);
        Thread.sleep(1500); // configuration admin hands it to the component asynchronously
    }

    /** Runs a console command as the admin user and returns what it printed. */
    String console(String command) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Session session = sessionFactory.create(System.in, out, out);
        Subject admin = new Subject();
        admin.getPrincipals().add(new UserPrincipal("admin"));
        admin.getPrincipals().add(new RolePrincipal("admin"));
        Subject.doAs(admin, (PrivilegedExceptionAction<Object>) () -> session.execute(command));
        out.flush();
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
