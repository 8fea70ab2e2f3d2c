package org.opendms.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The staff web app at the HTTP level (the browser tests drive it in Chromium): the platform serves the app itself at
 * /, with its routes and shared libraries and within the first-load budget; plugin pages follow the plugin being
 * enabled and disabled; /api/live pushes work-order changes to an open stream.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class WebAppIT extends DmsTestSupport {

    /** Issue 12: the app and the libraries it shares, gzip-compressed, on the first load. */
    static final int FIRST_LOAD_BUDGET = 450 * 1024;
    static final int PLUGIN_PAGE_BUDGET = 50 * 1024;
    private static final String ROOT = "http://127.0.0.1:" + HTTP_PORT;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Before
    public void platformAnswers() throws Exception {
        awaitPlatform();
        if (!call("GET", "plugins/insurance", "admin", null).json().path("enabled").asBoolean()) {
            ok(call("POST", "plugins/insurance/enable", "admin", null), 200);
            awaitAnswer("insurance/renewals", "advisor", 200);
        }
    }

    @Test
    public void theAppIsServedAtTheRootWithItsRoutesAndSharedLibrariesWithinTheBudget() throws Exception {
        HttpResponse<byte[]> page = get("/", true);
        assertEquals(200, page.statusCode());
        assertTrue(type(page), type(page).startsWith("text/html"));
        String html = text(page);
        assertTrue(html, html.contains("<div id=\"app\">"));
        // a route of the app opened directly (bookmark, reload) gets the same page; the API stays the API
        assertEquals(html, text(get("/work-orders/42", true)));
        assertEquals(404, get("/assets/no-such-file.js", false).statusCode());
        assertTrue(call("GET", "health", null, null).contentType().contains("json"));

        JsonNode imports = JSON.readTree(between(html, "<script type=\"importmap\">", "</script>")).path("imports");
        for (String shared : List.of("vue", "vue-router", "vue-i18n", "element-plus", "@opendms/web", "echarts")) {
            assertTrue("the import map shares " + shared + ": " + imports, imports.has(shared));
        }
        // what the first load fetches: the page and what it links, the shared libraries preloaded among them (the
        // template compiler, the plugin SDK and ECharts are fetched with the first page that needs them)
        Set<String> first = new LinkedHashSet<>();
        Matcher linked = Pattern.compile("(?:src|href)=\"(/[^\"]+)\"").matcher(html);
        while (linked.find()) {
            if (!linked.group(1).contains("es-module-shims")) {
                first.add(linked.group(1));
            }
        }
        for (String shared : List.of("vue", "vue-router", "vue-i18n", "element-plus")) {
            assertTrue(shared + " is preloaded: " + first, first.contains(imports.path(shared).asText()));
        }
        long total = page.body().length;
        StringBuilder sizes = new StringBuilder();
        for (String url : first) {
            HttpResponse<byte[]> file = get(url, true);
            assertEquals(url, 200, file.statusCode());
            if (url.endsWith(".js")) {
                assertTrue(url + " " + type(file), type(file).startsWith("text/javascript"));
                assertTrue(url + " is kept by browsers", file.headers().firstValue("Cache-Control").orElse("")
                        .contains("immutable"));
            }
            total += file.body().length;
            sizes.append(String.format("%n%8.1f kB  %s", file.body().length / 1024.0, url));
        }
        System.out.printf("first load of the web app, gzip:%s%n%8.1f kB  total%n", sizes, total / 1024.0);
        assertTrue("first load " + total + " bytes gzip:" + sizes, total <= FIRST_LOAD_BUDGET);
    }

    @Test
    public void pluginPagesFollowThePluginBeingEnabledAndDisabled() throws Exception {
        JsonNode insurance = extension("advisor");
        assertNotNull("the advisor sees the insurance pages", insurance);
        List<String> paths = new ArrayList<>();
        insurance.path("pages").forEach(p -> paths.add(p.path("path").asText()));
        assertEquals(List.of("/insurance/policies", "/insurance/renewals"), paths);
        assertEquals("车险保单", insurance.path("pages").path(0).path("title").asText());
        // the technician may not read policies nor the renewal list: no menu entry offered
        assertEquals(null, extension("technician"));

        String module = insurance.path("pages").path(1).path("module").asText();
        HttpResponse<byte[]> file = get(module, true);
        assertEquals(module, 200, file.statusCode());
        assertTrue(type(file), type(file).startsWith("text/javascript"));
        assertTrue(module + ": " + file.body().length + " bytes gzip", file.body().length <= PLUGIN_PAGE_BUDGET);
        assertTrue(text(file).contains("export default"));
        assertEquals(200, get(insurance.path("messages").asText(), false).statusCode());

        try (LiveStream live = LiveStream.open("advisor")) {
            ok(call("POST", "plugins/insurance/disable", "admin", null), 200);
            assertTrue("open pages are told", live.next("web-extensions", "", 30) != null);
            assertEquals("a disabled plugin's pages leave the app", null, extension("advisor"));
            assertEquals(404, get(module, false).statusCode());

            ok(call("POST", "plugins/insurance/enable", "admin", null), 200);
            assertTrue("open pages are told", live.next("web-extensions", "insurance", 60) != null);
            assertNotNull("the pages come back with the plugin", extension("advisor"));
        } finally {
            awaitAnswer("insurance/renewals", "advisor", 200);
        }
    }

    @Test
    public void liveStreamDeliversEveryWorkOrderChangeToTheBoard() throws Exception {
        long n = unique();
        String plate = TestData.plate(n);
        long customer = ok(call("POST", "customers", "advisor",
                "{\"type\":\"PERSON\",\"name\":\"直播测试\",\"mobile\":\"" + newMobile() + "\"}"), 201).path("id")
                        .asLong();
        ok(call("POST", "vehicles", "advisor", "{\"vin\":\"" + TestData.vin(n) + "\",\"plate\":\"" + plate
                + "\",\"make\":\"大众\",\"model\":\"朗逸\",\"year\":2021,\"energyType\":\"PETROL\",\"ownerId\":"
                + customer + "}"), 201);
        try (LiveStream board = LiveStream.open("foreman")) {
            JsonNode wo = ok(call("POST", "work-orders", "advisor", "{\"plate\":\"" + plate
                    + "\",\"mileageKm\":12000,\"visitTypes\":[\"MAINTENANCE\"],\"concerns\":[{\"concern\":\"保养\"}]}"),
                    201);
            String number = wo.path("number").asText();
            JsonNode opened = board.next("workorder", number, 20);
            assertNotNull("the board is told of the new work order " + number, opened);
            assertEquals(wo.path("id").asLong(), opened.path("id").asLong());
            assertEquals("AWAITING_DISPATCH", opened.path("status").asText());
            assertEquals("advisor", opened.path("by").asText());
            assertFalse("no personal data on the board's stream: " + opened, opened.toString().contains("直播测试"));
        }
    }

    @Test
    public void liveAnswersScriptsAtOnceAndOnlyToLoggedInUsers() throws Exception {
        Reply types = call("GET", "live", "cashier", null, "Accept", "application/json");
        assertEquals(types.raw(), 200, types.status());
        assertTrue(types.raw(), types.json().path("types").toString().contains("workorder"));
        assertEquals(401, call("GET", "live", null, null, "Accept", "text/event-stream").status());
    }

    @Test
    public void apiDocsArePublishedBesideTheApp() throws Exception {
        HttpResponse<byte[]> docs = get("/api-docs/", true);
        assertEquals(200, docs.statusCode());
        assertTrue(text(docs), text(docs).contains("swagger-ui-bundle.js"));
        assertEquals(200, get("/api-docs/swagger-ui-bundle.js", false).statusCode());
        HttpResponse<byte[]> bare = get("/api-docs", false);
        assertEquals(302, bare.statusCode());
        assertTrue(bare.headers().firstValue("Location").orElse("").endsWith("/api-docs/"));
    }

    /** The insurance entry of GET /api/web/extensions as the user, or null. */
    private static JsonNode extension(String user) throws Exception {
        for (JsonNode e : ok(call("GET", "web/extensions", user, null), 200).path("extensions")) {
            if ("insurance".equals(e.path("plugin").asText())) {
                return e;
            }
        }
        return null;
    }

    private static HttpResponse<byte[]> get(String path, boolean gzip) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ROOT + path)).timeout(Duration.ofSeconds(30));
        if (gzip) {
            request.header("Accept-Encoding", "gzip");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String type(HttpResponse<?> r) {
        return r.headers().firstValue("Content-Type").orElse("");
    }

    /** The body as text, unpacked when it came gzip-compressed. */
    private static String text(HttpResponse<byte[]> r) throws IOException {
        byte[] body = r.body();
        if ("gzip".equals(r.headers().firstValue("Content-Encoding").orElse(""))) {
            try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                in.transferTo(out);
                body = out.toByteArray();
            }
        }
        return new String(body, StandardCharsets.UTF_8);
    }

    private static String between(String text, String from, String to) {
        int start = text.indexOf(from);
        assertTrue("no " + from, start >= 0);
        return text.substring(start + from.length(), text.indexOf(to, start));
    }

    /** An open /api/live stream, read line by line on its own thread as a browser's EventSource does. */
    static final class LiveStream implements AutoCloseable {
        private final BlockingQueue<String[]> events = new LinkedBlockingQueue<>();
        private final java.util.concurrent.CompletableFuture<HttpResponse<Stream<String>>> response;

        private LiveStream(String user) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(BASE + "live"))
                    .header("Accept", "text/event-stream")
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                            .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                    .build();
            response = HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
            response.thenAcceptAsync(r -> {
                String[] event = { null, "" };
                r.body().forEach(line -> {
                    if (line.startsWith("event:")) {
                        event[0] = line.substring(6).trim();
                    } else if (line.startsWith("data:")) {
                        event[1] += line.substring(5).trim();
                    } else if (line.isEmpty() && event[0] != null) {
                        events.add(new String[] { event[0], event[1] });
                        event[0] = null;
                        event[1] = "";
                    }
                });
            });
        }

        /** Opened once the server said "ready". */
        static LiveStream open(String user) throws Exception {
            LiveStream s = new LiveStream(user);
            assertNotNull("the stream opens for " + user, s.next("ready", "", 20));
            return s;
        }

        /** The data of the next event of this type whose data contains the text, or null after the seconds. */
        JsonNode next(String type, String containing, int seconds) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            for (long left; (left = deadline - System.nanoTime()) > 0;) {
                String[] e = events.poll(left, TimeUnit.NANOSECONDS);
                if (e != null && e[0].equals(type) && e[1].contains(containing)) {
                    return JSON.readTree(e[1]);
                }
            }
            return null;
        }

        @Override
        public void close() {
            response.thenAccept(r -> r.body().close());
            response.cancel(true);
        }
    }
}
