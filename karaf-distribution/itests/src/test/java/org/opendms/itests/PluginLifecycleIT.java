package org.opendms.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The plugin platform as a dealer's admin uses it: the insurance plugin disabled and enabled again with its data
 * kept, plugins that do not fit refused with nothing changed, a hot update under load, and each plugin alone on
 * core. Throughout, no core bundle may stop.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class PluginLifecycleIT extends DmsTestSupport {

    private final List<String> coreStops = new CopyOnWriteArrayList<>();
    private final BundleListener watchCore = event -> {
        Bundle b = event.getBundle();
        boolean core = b.getHeaders("").get("DMS-Plugin") == null
                && b.getBundleId() != bundleContext.getBundle().getBundleId()
                && !String.valueOf(b.getSymbolicName()).startsWith("org.example");
        if (core && (event.getType() == BundleEvent.STOPPED || event.getType() == BundleEvent.UNRESOLVED)) {
            coreStops.add(b.getSymbolicName() + " " + event.getType());
        }
    };

    @Before
    public void insuranceIsEnabled() throws Exception {
        awaitAnswer("plugins", "admin", 200);
        console("dms:plugin-enable insurance");
        awaitAnswer("insurance/renewals", "advisor", 200);
        bundleContext.addBundleListener(watchCore);
    }

    @After
    public void noCoreBundleStopped() {
        bundleContext.removeBundleListener(watchCore);
        assertEquals("core bundles stopped during plugin operations", List.of(), coreStops);
    }

    private long newVehicle() throws Exception {
        Reply c = call("POST", "customers", "advisor",
                "{\"type\":\"PERSON\",\"name\":\"投保人" + unique() + "\",\"mobile\":\"" + newMobile() + "\"}");
        assertEquals(c.raw(), 201, c.status());
        long n = unique();
        Reply v = call("POST", "vehicles", "advisor", VehicleRestIT.vehicle(TestData.vin(n), TestData.plate(n),
                c.json().path("id").asLong()));
        assertEquals(v.raw(), 201, v.status());
        return v.json().path("id").asLong();
    }

    private long newPolicy(long vehicleId) throws Exception {
        LocalDate start = LocalDate.now().minusMonths(11);
        Reply p = call("POST", "insurance/policies", "advisor", "{\"vehicleId\":" + vehicleId
                + ",\"insurer\":\"中国人保\",\"policyNumber\":\"PDZA" + unique() + "\",\"kind\":\"COMPULSORY\","
                + "\"startDate\":\"" + start + "\",\"endDate\":\"" + start.plusYears(1).minusDays(1)
                + "\",\"premium\":950.00}");
        assertEquals(p.raw(), 201, p.status());
        return p.json().path("id").asLong();
    }

    private JsonNode plugin(String id) throws Exception {
        Reply r = call("GET", "plugins/" + id, "admin", null);
        assertEquals(r.raw(), 200, r.status());
        return r.json();
    }

    @Test
    public void disablingInsuranceTakesOnlyItsEndpointsAwayAndEnablingFindsThePoliciesAgain() throws Exception {
        long vehicle = newVehicle();
        long policy = newPolicy(vehicle);
        Reply before = call("GET", "insurance/policies/" + policy, "advisor", null);
        assertEquals(200, before.status());
        assertTrue(call("GET", "openapi.json", null, null).json().path("paths").has("/insurance/policies"));

        String out = console("dms:plugin-disable insurance");
        assertTrue(out, out.contains("DISABLED"));
        assertEquals(404, call("GET", "insurance/policies/" + policy, "advisor", null).status());
        assertEquals(404, call("GET", "insurance/renewals", "advisor", null).status());
        assertEquals(200, call("GET", "customers?size=1", "advisor", null).status());
        assertEquals(200, call("GET", "vehicles/" + vehicle, "advisor", null).status());
        assertFalse("a disabled plugin's paths leave the API document",
                call("GET", "openapi.json", null, null).json().path("paths").has("/insurance/policies"));
        String list = console("dms:plugin-list");
        assertTrue(list, list.matches("(?s).*insurance\\s*[│|]\\s*否 no.*DISABLED.*"));
        assertFalse(plugin("insurance").path("enabled").asBoolean());
        long registeredMeanwhile = newVehicle(); // insurance due 2027-03-01: a renewal lead once the plugin is back

        out = console("dms:plugin-enable insurance");
        assertTrue(out, out.contains("ACTIVE"));
        Reply after = call("GET", "insurance/policies/" + policy, "advisor", null);
        assertEquals(after.raw(), 200, after.status());
        assertEquals("the policy is found again, unchanged", before.json(), after.json());
        JsonNode status = plugin("insurance");
        assertEquals("ACTIVE", status.path("state").asText());
        assertTrue(status.toString(), status.path("schemaVersions").has("org.opendms.plugin.insurance.impl"));
        long deadline = System.currentTimeMillis() + 30_000;
        while (!call("GET", "insurance/renewals?days=365", "advisor", null).raw()
                .contains("\"vehicleId\":" + registeredMeanwhile + ",")) {
            assertTrue("a vehicle registered while the plugin was off did not become a lead",
                    System.currentTimeMillis() < deadline);
            Thread.sleep(200);
        }
    }

    @Test
    public void pluginManagementIsForAdminsAndEveryOperationIsRecorded() throws Exception {
        assertEquals(403, call("GET", "plugins", "advisor", null).status());
        assertEquals(403, call("POST", "plugins/insurance/disable", "manager", null).status());
        assertEquals(401, call("GET", "plugins", null, null).status());
        assertTrue("the refused call changed nothing", plugin("insurance").path("enabled").asBoolean());

        Reply disabled = call("POST", "plugins/insurance/disable", "admin", null);
        assertEquals(disabled.raw(), 200, disabled.status());
        assertEquals("DISABLED", disabled.json().path("state").asText());
        Reply enabled = call("POST", "plugins/insurance/enable", "admin", null);
        assertEquals("ACTIVE", enabled.json().path("state").asText());

        Reply unknown = call("POST", "plugins/no-such-plugin/enable", "admin", null, "Accept-Language", "en");
        assertEquals(unknown.raw(), 404, unknown.status());
        assertEquals("id", unknown.field(0));
        Reply badId = call("POST", "plugins/Insurance!/enable", "admin", null);
        assertEquals(400, badId.status());

        JsonNode ops = call("GET", "plugins/operations?limit=4", "admin", null).json();
        assertEquals(4, ops.size());
        JsonNode refused = ops.get(0);
        assertEquals("ENABLE", refused.path("action").asText());
        assertEquals("no-such-plugin", refused.path("plugin").asText());
        assertFalse(refused.path("succeeded").asBoolean());
        JsonNode enable = ops.get(1);
        assertEquals("admin", enable.path("username").asText());
        assertEquals("REST", enable.path("channel").asText());
        assertTrue(enable.path("succeeded").asBoolean());
        assertTrue(enable.toString(), enable.path("result").asText().contains("enabled"));
        assertEquals("DISABLE", ops.get(2).path("action").asText());
        String history = console("dms:plugin-history --limit 3");
        assertTrue(history, history.contains("no-such-plugin") && history.contains("admin"));
        assertEquals(400, call("GET", "plugins/operations?limit=0", "admin", null).status());
    }

    @Test
    public void aPluginNeedingANewerApiIsRefusedWithTheReasonAndNothingChanges() throws Exception {
        File dir = Files.createTempDirectory("future-plugin").toFile();
        Manifest m = bundleManifest("org.example.future", "1.0.0", "future");
        m.getMainAttributes().putValue("Import-Package", "org.opendms.plugin.api;version=\"[2.0,3)\"");
        File jar = writeJar(new File(dir, "future.jar"), m, null);
        File repo = writeRepository(new File(dir, "features.xml"), "future", "1.0.0", List.of(jar.toURI().toString()));

        String added = console("dms:plugin-add " + repo.toURI());
        assertTrue(added, added.contains("future") && added.contains("DISABLED"));
        List<String> bundlesBefore = bundleNames();
        String installedBefore = console("feature:list -i");

        String out = console("dms:plugin-enable future");
        assertTrue(out, out.contains("needs org.opendms.plugin.api [2.0.0, 3.0.0); this platform has 1.0.0"));
        assertTrue(out, out.contains("不兼容"));
        Reply rest = call("POST", "plugins/future/enable", "admin", null, "Accept-Language", "en");
        assertEquals(rest.raw(), 409, rest.status());
        assertTrue(rest.raw(),
                rest.json().path("errors").path(0).path("message").asText().contains("this platform has 1.0.0"));
        assertEquals("nothing was installed", bundlesBefore, bundleNames());
        assertEquals(installedBefore, console("feature:list -i"));
        assertEquals("DISABLED", plugin("future").path("state").asText());

        // a plugin whose bundle cannot be fetched is refused the same way
        File broken = writeRepository(new File(dir, "broken.xml"), "broken", "1.0.0",
                List.of(new File(dir, "not-there.jar").toURI().toString()));
        console("dms:plugin-add " + broken.toURI());
        out = console("dms:plugin-enable broken");
        assertTrue(out, out.contains("not-there.jar"));
        assertEquals(bundlesBefore, bundleNames());

        console("dms:plugin-remove future");
        console("dms:plugin-remove broken");
        assertEquals(404, call("GET", "plugins/future", "admin", null).status());
    }

    @Test
    public void aPluginThatFailsToStartIsListedAsFailedWithTheReasonWhileEverythingElseRuns() throws Exception {
        File dir = Files.createTempDirectory("faulty-plugin").toFile();
        Manifest m = bundleManifest("org.example.faulty", "1.0.0", "faulty");
        m.getMainAttributes().putValue("DMS-Changelog", "db/org.example.faulty/changelog.xml");
        String changelog = "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\""
                + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://www.liquibase.org/xml/ns/dbchangelog"
                + " http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.20.xsd\">\n"
                + "  <changeSet id=\"faulty-001\" author=\"test\"><sql>CREATE TABLE faulty_note (id NOT_A_TYPE)</sql></changeSet>\n"
                + "</databaseChangeLog>\n";
        File jar = writeJar(new File(dir, "faulty.jar"), m, null,
                Map.of("db/org.example.faulty/changelog.xml", changelog.getBytes(StandardCharsets.UTF_8)));
        File repo = writeRepository(new File(dir, "features.xml"), "faulty", "1.0.0", List.of(jar.toURI().toString()));
        console("dms:plugin-add " + repo.toURI());
        try {
            console("dms:plugin-enable faulty");
            JsonNode status = plugin("faulty");
            for (long deadline = System.currentTimeMillis() + 60_000; !"FAILED".equals(status.path("state").asText())
                    && System.currentTimeMillis() < deadline; status = plugin("faulty")) {
                Thread.sleep(200);
            }
            assertEquals(status.toString(), "FAILED", status.path("state").asText());
            assertTrue(status.toString(), status.path("problem").asText().contains("faulty-001")
                    || status.path("problem").asText().toLowerCase().contains("not_a_type"));
            String list = console("dms:plugin-list");
            assertTrue(list, list.matches("(?s).*faulty.*FAILED.*"));
            assertEquals("core keeps answering", 200, call("GET", "customers?size=1", "advisor", null).status());
            assertEquals("other plugins keep answering", 200,
                    call("GET", "insurance/renewals", "advisor", null).status());
            assertEquals("ACTIVE", plugin("insurance").path("state").asText());
        } finally {
            console("dms:plugin-remove faulty");
        }
        assertEquals(404, call("GET", "plugins/faulty", "admin", null).status());
    }

    @Test
    public void eachPluginInstallsAloneOnCoreAndAllItsBundlesBecomeActive() throws Exception {
        List<String> ids = new ArrayList<>();
        for (JsonNode p : call("GET", "plugins", "admin", null).json()) {
            ids.add(p.path("id").asText());
        }
        assertTrue(ids.toString(), ids.contains("insurance"));
        List<String> wasEnabled = new ArrayList<>();
        for (String id : ids) {
            if (plugin(id).path("enabled").asBoolean()) {
                wasEnabled.add(id);
            }
            console("dms:plugin-disable " + id);
        }
        try {
            for (String id : ids) {
                Reply r = call("POST", "plugins/" + id + "/enable", "admin", null);
                assertEquals(r.raw(), 200, r.status());
                assertEquals(r.raw(), "ACTIVE", r.json().path("state").asText());
                for (JsonNode b : r.json().path("bundles")) {
                    assertTrue(b.asText(), b.asText().endsWith(" ACTIVE"));
                }
                assertFalse(r.json().path("bundles").isEmpty());
                console("dms:plugin-disable " + id);
                assertEquals("DISABLED", plugin(id).path("state").asText());
            }
        } finally {
            for (String id : wasEnabled) {
                console("dms:plugin-enable " + id);
            }
        }
    }

    @Test
    public void aHotUpdateUnderLoadLosesNoCoreRequestAndThePluginComesBackOnTheNewVersion() throws Exception {
        long vehicle = newVehicle();
        newPolicy(vehicle);
        File dir = Files.createTempDirectory("insurance-next").toFile();
        String original = plugin("insurance").path("repository").asText();
        List<String> locations = new ArrayList<>();
        for (Bundle b : bundleContext.getBundles()) {
            if ("insurance".equals(b.getHeaders("").get("DMS-Plugin"))) {
                Manifest m;
                try (InputStream in = new URL(b.getLocation()).openStream();
                        JarInputStream jar = new JarInputStream(in)) {
                    m = jar.getManifest();
                }
                m.getMainAttributes().putValue("Bundle-Version", "0.1.1.hotupdate");
                File next = writeJar(new File(dir, b.getSymbolicName() + ".jar"), m, new URL(b.getLocation()));
                locations.add(next.toURI().toString());
            }
        }
        assertEquals(4, locations.size());
        File repo = writeRepository(new File(dir, "features.xml"), "insurance", "0.1.1", locations);

        RequestLoop core = new RequestLoop("customers?size=1", "vehicles/" + vehicle);
        RequestLoop plugin = new RequestLoop("insurance/renewals");
        core.start();
        plugin.start();
        Thread.sleep(1000);
        long updateStarted = System.nanoTime();
        String out = console("dms:plugin-update insurance " + repo.toURI());
        long updateMillis = (System.nanoTime() - updateStarted) / 1_000_000;
        awaitAnswer("insurance/renewals", "advisor", 200);
        Thread.sleep(1000);
        core.stop();
        plugin.stop();
        System.out.println("[figures] hot update: " + updateMillis + " ms; core requests " + core.sent() + " sent, "
                + core.failed() + " failed; plugin requests " + plugin.sent() + " sent, " + plugin.failed()
                + " failed, away " + plugin.awayMillis() + " ms");

        assertTrue(out, out.contains("0.1.1") && out.contains("ACTIVE"));
        assertEquals("core requests failed: " + core.failures(), 0, core.failed());
        assertTrue(core.sent() > 20);
        JsonNode status = plugin("insurance");
        assertEquals("0.1.1", status.path("version").asText());
        for (JsonNode b : status.path("bundles")) {
            assertTrue(b.asText(), b.asText().contains("0.1.1.hotupdate ACTIVE"));
        }
        assertEquals(200, call("GET", "insurance/renewals", "advisor", null).status());

        // and back, so the other checks see the built version
        out = console("dms:plugin-update insurance " + original);
        assertTrue(out, out.contains("ACTIVE"));
        assertFalse(plugin("insurance").path("version").asText().startsWith("0.1.1"));
    }

    /** Requests in a loop on its own thread, counting failures and how long the endpoints were away. */
    static final class RequestLoop implements Runnable {
        private final String[] paths;
        private final Thread thread = new Thread(this, "request-loop");
        private volatile boolean running = true;
        private int sent;
        private final List<String> failures = new CopyOnWriteArrayList<>();
        private long firstFailure = -1;
        private long lastFailure = -1;

        RequestLoop(String... paths) {
            this.paths = paths;
        }

        void start() {
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join(30_000);
        }

        @Override
        public void run() {
            while (running) {
                String path = paths[sent % paths.length];
                sent++;
                try {
                    Reply r = call("GET", path, "advisor", null);
                    if (r.status() != 200) {
                        fail(path + " " + r.status());
                    }
                } catch (Exception e) {
                    fail(path + " " + e);
                }
            }
        }

        private void fail(String what) {
            long now = System.nanoTime();
            if (firstFailure < 0) {
                firstFailure = now;
            }
            lastFailure = now;
            failures.add(what);
        }

        int sent() {
            return sent;
        }

        int failed() {
            return failures.size();
        }

        List<String> failures() {
            return failures.subList(0, Math.min(10, failures.size()));
        }

        long awayMillis() {
            return firstFailure < 0 ? 0 : (lastFailure - firstFailure) / 1_000_000;
        }
    }

    private List<String> bundleNames() {
        return Arrays.stream(bundleContext.getBundles()).map(b -> b.getSymbolicName() + "/" + b.getVersion()).sorted()
                .toList();
    }

    static Manifest bundleManifest(String symbolicName, String version, String plugin) {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", symbolicName);
        a.putValue("Bundle-Version", version);
        a.putValue("DMS-Plugin", plugin);
        return m;
    }

    /** A jar with the given manifest and, if given, every other entry of an existing jar. */
    static File writeJar(File file, Manifest manifest, URL copyFrom) throws IOException {
        return writeJar(file, manifest, copyFrom, Map.of());
    }

    /** The same, with more entries (name to content). */
    static File writeJar(File file, Manifest manifest, URL copyFrom, Map<String, byte[]> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(file.toPath());
                JarOutputStream jar = new JarOutputStream(out, manifest)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                jar.putNextEntry(new JarEntry(e.getKey()));
                jar.write(e.getValue());
                jar.closeEntry();
            }
            if (copyFrom != null) {
                try (InputStream in = copyFrom.openStream(); JarInputStream source = new JarInputStream(in)) {
                    for (JarEntry e = source.getNextJarEntry(); e != null; e = source.getNextJarEntry()) {
                        jar.putNextEntry(new JarEntry(e.getName()));
                        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                        source.transferTo(bytes);
                        jar.write(bytes.toByteArray());
                        jar.closeEntry();
                    }
                }
            }
        }
        return file;
    }

    static File writeRepository(File file, String plugin, String version, List<String> bundles) throws IOException {
        StringBuilder xml = new StringBuilder("<features name=\"test-plugin-" + plugin + "-" + version
                + "\" xmlns=\"http://karaf.apache.org/xmlns/features/v1.6.0\">\n");
        xml.append("  <feature name=\"dms-plugin-").append(plugin).append("\" version=\"").append(version)
                .append("\" description=\"test plugin ").append(plugin).append("\">\n");
        xml.append("    <feature>dms-core</feature>\n");
        for (String b : bundles) {
            xml.append("    <bundle>").append(b).append("</bundle>\n");
        }
        xml.append("  </feature>\n</features>\n");
        Files.writeString(file.toPath(), xml, StandardCharsets.UTF_8);
        return file;
    }
}
