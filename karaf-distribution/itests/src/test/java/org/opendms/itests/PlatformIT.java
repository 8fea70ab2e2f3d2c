package org.opendms.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javax.inject.Inject;
import javax.ws.rs.HttpMethod;
import javax.ws.rs.Path;

import org.apache.karaf.features.FeaturesService;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;
import org.osgi.service.jaxrs.runtime.dto.ResourceDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceMethodInfoDTO;

import com.fasterxml.jackson.databind.JsonNode;

/** The distribution as an integrator receives it: features installed, every bundle active, health and OpenAPI true. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class PlatformIT extends DmsTestSupport {

    @Inject
    FeaturesService features;

    @Inject
    JaxrsServiceRuntime jaxrs;

    @Before
    public void platformAnswers() throws Exception {
        awaitPlatform();
    }

    @Test
    public void theCoreFeaturesAreInstalledAndEveryBundleIsActive() throws Exception {
        for (String feature : List.of("dms-core", "dms-persistence", "dms-rest", "dms-liquibase")) {
            assertTrue(feature + " installed", features.isInstalled(features.getFeature(feature)));
        }
        List<String> notActive = new ArrayList<>();
        for (Bundle b : bundleContext.getBundles()) {
            boolean fragment = b.getHeaders().get(Constants.FRAGMENT_HOST) != null;
            if (!fragment && b.getState() != Bundle.ACTIVE) {
                notActive.add(b.getSymbolicName() + " state " + b.getState());
            }
        }
        // liquibase-core is resolved and never started: a started one made SPI Fly register its services at every
        // start, and Karaf started it at each plugin deployment despite start="false" (features/.../feature.xml)
        assertEquals("bundles not active", List.of("org.liquibase.core state " + Bundle.RESOLVED), notActive);
    }

    @Test
    public void healthAnswersWithoutLoginAndNamesEachBundlesSchemaVersion() throws Exception {
        // anyone: up or not, nothing else
        Reply anonymous = call("GET", "health", null, null);
        assertEquals(200, anonymous.status());
        assertEquals(anonymous.raw(), List.of("status"), iterate(anonymous.json().fieldNames()));
        assertEquals("UP", anonymous.json().path("status").asText());
        Reply technician = call("GET", "health", "technician", null);
        assertEquals(technician.raw(), List.of("status"), iterate(technician.json().fieldNames()));
        assertEquals(401, call("GET", "health", "admin:wrong", null).status());
        // an admin: the database and every bundle's schema version
        Reply health = call("GET", "health", "admin", null);
        assertEquals(200, health.status());
        assertEquals("UP", health.json().path("status").asText());
        assertTrue(health.json().path("database").path("reachable").asBoolean());
        assertTrue(health.json().path("database").path("product").asText().startsWith("Apache Derby"));
        JsonNode schemas = health.json().path("schemas");
        assertEquals("customer-004-name-pieces", schemas.path("org.opendms.customer.impl").asText());
        assertTrue(schemas.path("org.opendms.vehicle.impl").asText().startsWith("vehicle-"));
    }

    private static List<String> iterate(java.util.Iterator<String> names) {
        List<String> list = new java.util.ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    @Test
    public void healthSaysStartingNamingACoreBundleNotReadyAndOnceUpItsEndpointAnswersAtOnce() throws Exception {
        Bundle vehicleRest = null;
        for (Bundle b : bundleContext.getBundles()) {
            vehicleRest = "org.opendms.vehicle.rest".equals(b.getSymbolicName()) ? b : vehicleRest;
        }
        assertTrue("org.opendms.vehicle.rest installed", vehicleRest != null);
        vehicleRest.stop();
        try {
            assertEquals(503, call("GET", "health", null, null).status());
            Reply starting = call("GET", "health", "admin", null);
            assertEquals(starting.raw(), 503, starting.status());
            assertEquals(starting.raw(), "STARTING", starting.json().path("status").asText());
            assertTrue(starting.raw(),
                    starting.json().path("starting").toString().contains("org.opendms.vehicle.rest"));
        } finally {
            vehicleRest.start();
        }
        long deadline = System.currentTimeMillis() + 60_000;
        Reply health = call("GET", "health", null, null);
        while (health.status() != 200 && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
            health = call("GET", "health", null, null);
        }
        assertEquals(health.raw(), "UP", health.json().path("status").asText());
        assertEquals(0, call("GET", "health", "admin", null).json().path("starting").size());
        Reply vehicles = call("GET", "vehicles?size=1", "advisor", null);
        assertEquals("right after health said UP: " + vehicles.raw(), 200, vehicles.status());
    }

    @Test
    public void requestsJettyRefusesBeforeTheApiAreAnsweredWithProblemJsonWithoutEchoingThePath() throws Exception {
        Reply nul = call("GET", "customers/1%00", "advisor", null);
        assertEquals(400, nul.status());
        assertTrue(nul.contentType(), nul.contentType().startsWith("application/problem+json"));
        assertEquals(400, nul.json().path("status").asInt());
        assertEquals("request.malformed", nul.code(0));
        assertTrue(nul.raw(), nul.json().path("detail").asText().startsWith("请求地址"));
        for (String path : List.of("customers/1%00", "customers/..%2F..%2Fetc%2Fpasswd", "customers/%2e%2e%2F%00x")) {
            Reply answer = call("GET", path, null, null, "Accept-Language", "en-GB,en;q=0.8");
            assertTrue(path + ": " + answer.status(), answer.status() == 400 || answer.status() == 404);
            assertTrue(path + ": " + answer.contentType(),
                    answer.contentType().startsWith("application/problem+json"));
            for (String echoed : List.of("%00", "passwd", "etc", "%2F", "..", "\\u0000")) {
                assertTrue(path + " echoed " + echoed + ": " + answer.raw(), !answer.raw().contains(echoed));
            }
        }
    }

    @Test
    public void theOpenApiDocumentDescribesExactlyTheLiveResources() throws Exception {
        Reply doc = call("GET", "openapi.json", null, null);
        assertEquals(200, doc.status());
        assertEquals("3.0.1", doc.json().path("openapi").asText());
        Set<String> documented = new TreeSet<>();
        doc.json().path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> documented.add(method.toUpperCase() + " " + normalise(path.getKey()))));

        Set<String> live = new TreeSet<>();
        for (ResourceDTO resource : jaxrs.getRuntimeDTO().defaultApplication.resourceDTOs) {
            for (ResourceMethodInfoDTO m : resource.resourceMethods) {
                String path = normalise(m.path);
                // m.method is null for the locator that serves the plugins' resources, listed below
                if (m.method != null && !path.equals("/openapi.json")) {
                    live.add(m.method + " " + path);
                }
            }
        }
        // plugins' resources: served at /<plugin id>/<class @Path>/<method @Path>
        ServiceReference<?>[] plugins = bundleContext
                .getServiceReferences("org.opendms.platform.rest.api.PluginResource", null);
        for (ServiceReference<?> ref : plugins == null ? new ServiceReference<?>[0] : plugins) {
            Object resource = bundleContext.getService(ref);
            try {
                String base = "/" + ref.getBundle().getHeaders("").get("DMS-Plugin") + "/"
                        + resource.getClass().getAnnotation(Path.class).value();
                for (Method m : resource.getClass().getMethods()) {
                    for (Annotation a : m.getAnnotations()) {
                        HttpMethod verb = a.annotationType().getAnnotation(HttpMethod.class);
                        if (verb != null) {
                            Path sub = m.getAnnotation(Path.class);
                            live.add(verb.value() + " "
                                    + normalise((base + "/" + (sub == null ? "" : sub.value())).replaceAll("/+", "/")));
                        }
                    }
                }
            } finally {
                bundleContext.ungetService(ref);
            }
        }
        assertTrue("customers documented", documented.contains("POST /customers"));
        assertTrue("the insurance plugin's paths documented", documented.contains("GET /insurance/renewals"));
        assertEquals(live, documented);
    }

    @Test
    public void theConsoleOffersTheDmsCommands() throws Exception {
        Set<String> dms = new TreeSet<>();
        sessionFactory.getRegistry().getCommands().stream().filter(c -> "dms".equals(c.getScope()))
                .forEach(c -> dms.add(c.getName()));
        assertTrue(dms.toString(),
                dms.containsAll(List.of("customer-add", "customer-list", "customer-show", "vehicle-add",
                        "vehicle-list", "vehicle-show", "vehicle-find")));
    }

    /** "/customers/{id : \\d+}" and "customers/{id}" name the same path. */
    private static String normalise(String path) {
        String p = path.startsWith("/") ? path : "/" + path;
        p = p.replaceAll("\\{\\s*([A-Za-z0-9_]+)\\s*:[^}]*}", "{$1}");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
