package org.opendms.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What an outsider sends to break the platform with input: huge bodies, huge arrays, odd spellings of ids and
 * numbers, text that is not text, page numbers that overflow. Every answer is a 4xx problem+json naming the field,
 * nothing is stored, and the server stays healthy (heap and time of the 4 × 20 MB tags attack are printed).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class InputLimitsIT extends DmsTestSupport {

    private static final long MB = 1024 * 1024;

    @Before
    public void platformAnswers() throws Exception {
        awaitPlatform();
    }

    private static long customerCount() throws Exception {
        return ok(call("GET", "customers?size=1", "admin", null), 200).path("total").asLong();
    }

    private static void refused(Reply r, int status, String field, String code) {
        assertEquals(r.raw(), status, r.status());
        assertTrue(r.contentType(), r.contentType().startsWith("application/problem+json"));
        assertEquals(r.raw(), field, r.field(0));
        if (code != null) {
            assertEquals(r.raw(), code, r.code(0));
        }
    }

    private static String person(String nameJson, String extra) {
        return "{\"type\":\"PERSON\",\"name\":" + nameJson + ",\"mobile\":\"" + newMobile() + "\"" + extra + "}";
    }

    @Test
    public void pagingIsBoundedTheSameWayOnEveryList() throws Exception {
        for (String list : new String[] { "customers", "vehicles", "appointments", "work-orders", "labour-operations",
                "follow-ups", "insurance/policies" }) {
            refused(call("GET", list + "?page=2147483647&size=200", "manager", null, "Accept-Language", "en"), 400,
                    "page", "out_of_range");
            Reply huge = call("GET", list + "?page=99999999999&size=20", "manager", null);
            refused(huge, 400, "page", "out_of_range");
            refused(call("GET", list + "?page=-1", "manager", null), 400, "page", "out_of_range");
            refused(call("GET", list + "?size=201", "manager", null), 400, "size", "out_of_range");
            refused(call("GET", list + "?size=%EF%BC%92", "manager", null), 400, "size", "wrong_type");
            refused(call("GET", list + "?page=%2B1", "manager", null), 400, "page", "wrong_type");
            // the last page within the bound is an ordinary (empty) page
            JsonNode last = ok(call("GET", list + "?page=50000&size=200", "manager", null), 200);
            assertEquals(list + ": " + last, 0, last.path("items").size());
        }
        Reply en = call("GET", "customers?page=2147483647&size=200", "manager", null, "Accept-Language", "en");
        assertTrue(en.raw(), en.raw().contains("with size 200 it can be at most 50000"));
    }

    @Test
    public void anIdHasOneSpellingAndOddOnesNeverReachTheRecord() throws Exception {
        Reply created = call("POST", "customers", "advisor", person("\"一号\"", ""));
        long id = ok(created, 201).path("id").asLong();
        String digits = Long.toString(id);
        String fullWidth = digits.chars().mapToObj(c -> String.valueOf((char) (c - '0' + '０')))
                .reduce("", String::concat);
        for (String odd : new String[] { java.net.URLEncoder.encode(fullWidth, StandardCharsets.UTF_8),
                "%2B" + digits, digits + "%0A", "%20" + digits, "0" + digits + "x", "-" + digits }) {
            Reply r = call("GET", "customers/" + odd, "advisor", null);
            assertTrue(odd + " → " + r.status() + " " + r.raw(), r.status() == 400 || r.status() == 404);
            assertTrue(r.contentType(), r.contentType().startsWith("application/problem+json"));
            Reply put = call("PUT", "customers/" + odd, "advisor", person("\"改名\"", ""), "If-Match",
                    created.etag());
            assertTrue(odd + " → " + put.status() + " " + put.raw(), put.status() == 400 || put.status() == 404);
        }
        assertEquals(created.etag(), call("GET", "customers/" + id, "advisor", null).etag());
        assertEquals("一号", call("GET", "customers/" + id, "advisor", null).json().path("name").asText());
    }

    @Test
    public void textIsTextAndEnumsMatchExactlyAndNothingIsStored() throws Exception {
        long before = customerCount();
        refused(call("POST", "customers", "advisor", person("123", "")), 400, "name", "wrong_type");
        refused(call("POST", "customers", "advisor", person("true", "")), 400, "name", "wrong_type");
        refused(call("POST", "customers", "advisor", person("\"张\\u0000伟\"", "")), 400, "name",
                "text.control_character");
        refused(call("POST", "customers", "advisor", person("\"\\u001b[2J张伟\"", "")), 400, "name",
                "text.control_character");
        refused(call("POST", "customers", "advisor", person("\"张伟\\u0007\"", "")), 400, "name",
                "text.control_character");
        refused(call("POST", "customers", "advisor", person("\"张伟\\u202Egpj.exe\"", "")), 400, "name",
                "text.bidi_override");
        refused(call("POST", "customers", "advisor", person("\"张伟\\u2066\"", "")), 400, "name",
                "text.bidi_override");
        refused(call("POST", "customers", "advisor", person("\"张\\ud800伟\"", "")), 400, "name",
                "text.unpaired_surrogate");
        refused(call("POST", "customers", "advisor", person("\"张\\n伟\"", "")), 400, "name", "text.line_break");
        refused(call("POST", "customers", "advisor", person("\"张伟\"", ",\"tags\":[\"VIP\",\"\\u001b\"]")), 400,
                "tags[1]", "text.control_character");
        refused(call("POST", "customers", "advisor",
                "{\"type\":\" PERSON\",\"name\":\"张伟\",\"mobile\":\"" + newMobile() + "\"}"), 400, "type",
                "wrong_type");
        Reply en = call("POST", "customers", "advisor", person("123", ""), "Accept-Language", "en");
        assertTrue(en.raw(), en.raw().contains("name has a value of the wrong type"));
        Reply zh = call("POST", "customers", "advisor", person("\"\\u0000\"", ""));
        assertTrue(zh.raw(), zh.raw().contains("name 不能含有控制字符"));
        refused(call("GET", "customers?q=%1B%5B2J", "advisor", null), 400, "q", "text.control_character");
        refused(call("GET", "insurance/policies?plate=%E2%80%AE", "advisor", null), 400, "plate",
                "text.bidi_override");
        assertEquals("nothing refused was stored", before, customerCount());

        // a line break is legitimate in notes
        Reply noted = call("POST", "customers", "advisor", person("\"张伟\"", ",\"note\":\"第一行\\n第二行\""));
        assertEquals("第一行\n第二行", ok(noted, 201).path("note").asText());
    }

    @Test
    public void arraysStringsAndNestingAreCappedNamingTheField() throws Exception {
        long before = customerCount();
        String tags = ",\"tags\":[" + "\"a\",".repeat(1000) + "\"a\"]";
        Reply many = call("POST", "customers", "advisor", person("\"张伟\"", tags), "Accept-Language", "en");
        refused(many, 413, "tags", "too_many_items");
        assertTrue(many.raw(), many.raw().contains("tags may have at most 1000 items"));
        refused(call("POST", "customers", "advisor", person("\"" + "长".repeat(70_000) + "\"", "")), 400, "name",
                "too_large");
        String deep = "[".repeat(40) + "]".repeat(40);
        Reply nested = call("POST", "customers", "advisor", person("\"张伟\"", ",\"tags\":" + deep));
        assertEquals(nested.raw(), 400, nested.status());
        refused(call("POST", "customers", "advisor",
                "{\"type\":\"PERSON\",\"name\":\"张伟\",\"marketingConsent\":" + "1".repeat(100) + "}"), 400,
                "marketingConsent", null);
        assertEquals(before, customerCount());
    }

    @Test
    public void aBodyOverTheLimitIsRefusedBeforeItIsReadAndOnlyAfterLoginAndRole() throws Exception {
        long before = customerCount();
        // declared too large: answered at once, while the client has sent only the headers
        Raw declared = Raw.send("POST", "customers", "advisor", 20 * MB, false, 0, "en");
        assertEquals(declared.text(), 413, declared.status());
        assertTrue("answered at once, not after a timeout: " + declared.millis, declared.millis < 10_000);
        assertTrue(declared.text(), declared.text().contains("\"field\":\"body\""));
        assertTrue(declared.text(), declared.text().contains("at most 1 MB (1048576 bytes)"));
        // not logged in, or a role that may not create customers: 401/403 first, the body never read
        assertEquals(401, Raw.send("POST", "customers", null, 20 * MB, false, 0, "en").status());
        assertEquals(401, Raw.send("POST", "customers", "advisor:wrong", 20 * MB, false, 0, "en").status());
        // (the client sends 64 kB of the 20 MB announced and waits: an answer proves the server did not read on)
        Raw wrongRole = Raw.send("POST", "customers", "technician", 20 * MB, false, 64 * 1024, "en");
        assertEquals(wrongRole.text(), 403, wrongRole.status());
        assertTrue("refused at once, not after a timeout: " + wrongRole.millis, wrongRole.millis < 10_000);
        // chunked, without a length: read up to the limit, then 413
        Raw chunked = Raw.send("POST", "customers", "advisor", 20 * MB, true, 20 * MB, "en", false);
        assertEquals(chunked.text(), 413, chunked.status());
        assertTrue(chunked.text(), chunked.text().contains("\"field\":\"body\""));
        // a malformed Content-Type is a client error, not a server one
        Reply odd = call("POST", "customers", "advisor", person("\"张伟\"", ""), "Content-Type", "application/");
        assertTrue(odd.raw(), odd.status() >= 400 && odd.status() < 500);
        // a plugin's resource is guarded the same way
        assertEquals(403, Raw.send("POST", "insurance/policies", "technician", 20 * MB, false, 0, "en").status());
        assertEquals(413, Raw.send("POST", "insurance/policies", "advisor", 20 * MB, false, 0, "en").status());
        assertEquals(before, customerCount());
    }

    /** The attack that ran the JVM out of memory: four parallel 20 MB tags arrays. Refused cheaply, others served. */
    @Test
    public void fourParallelTwentyMegabyteTagsAttacksAreRefusedCheaply() throws Exception {
        long before = customerCount();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long heapBefore = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(heapBefore);
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (sampling.get()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        ExecutorService pool = Executors.newFixedThreadPool(5);
        long started = System.nanoTime();
        try {
            List<Future<Raw>> attacks = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                boolean chunked = i % 2 == 0;
                boolean tags = i != 2; // one chunked body of whitespace meets the byte limit rather than the items'
                attacks.add(pool.submit(() -> Raw.send("POST", "customers", "advisor", 20 * MB, chunked, 20 * MB,
                        "en", tags)));
            }
            Future<Reply> bystander = pool.submit(() -> call("GET", "customers?size=20", "advisor", null));
            long worst = 0;
            for (Future<Raw> attack : attacks) {
                Raw r = attack.get(120, TimeUnit.SECONDS);
                assertEquals(r.text(), 413, r.status());
                worst = Math.max(worst, r.millis);
            }
            Reply other = bystander.get(60, TimeUnit.SECONDS);
            assertEquals(other.raw(), 200, other.status());
            long millis = (System.nanoTime() - started) / 1_000_000;
            sampling.set(false);
            sampler.join();
            long rise = (peak.get() - heapBefore) / MB;
            String report = "4 x 20 MB tags attack: all 413 in " + millis + " ms (slowest " + worst
                    + " ms); heap before " + heapBefore / MB + " MB, peak " + peak.get() / MB + " MB (+" + rise
                    + " MB), max " + memory.getHeapMemoryUsage().getMax() / MB + " MB";
            System.out.println(report);
            java.nio.file.Files.writeString(java.nio.file.Path.of(System.getProperty("karaf.data"), "input-limits.txt"),
                    report + "\n");
            assertTrue(report, rise < 100);
        } finally {
            sampling.set(false);
            pool.shutdownNow();
        }
        assertEquals(before, customerCount());
    }

    /** One request written by hand on a socket, so the test controls how much of a large body it sends. */
    /** An answer; {@code millis} until its status line arrived. */
    record Raw(int status, String headers, byte[] body, long sent, long millis) {
        String text() {
            return status + " " + headers + new String(body, StandardCharsets.UTF_8);
        }

        /**
         * Sends headers for a customer whose tags array makes the body {@code size} bytes (declared in Content-Length
         * unless chunked), then at most {@code send} bytes of that body, and reads the answer.
         */
        static Raw send(String method, String path, String user, long size, boolean chunked, long send, String lang)
                throws Exception {
            return send(method, path, user, size, chunked, send, lang, true);
        }

        /** The same, the body filled with tags items, or with JSON whitespace (to reach the byte limit first). */
        static Raw send(String method, String path, String user, long size, boolean chunked, long send, String lang,
                boolean tags) throws Exception {
            long started = System.nanoTime();
            try (Socket socket = new Socket("127.0.0.1", HTTP_PORT)) {
                socket.setSoTimeout(90_000);
                StringBuilder head = new StringBuilder(method + " /api/" + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Content-Type: application/json\r\nAccept-Language: " + lang + "\r\n");
                if (user != null) {
                    String password = user.contains(":") ? "" : ":demo";
                    head.append("Authorization: Basic ").append(Base64.getEncoder()
                            .encodeToString((user + password).getBytes(StandardCharsets.UTF_8))).append("\r\n");
                }
                head.append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + size + "\r\n");
                head.append("\r\n");
                OutputStream out = socket.getOutputStream();
                out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
                out.flush();
                AtomicLong sent = new AtomicLong();
                Thread writer = new Thread(() -> {
                    try {
                        byte[] start = ("{\"type\":\"PERSON\",\"name\":\"攻击\",\"mobile\":\"13700000000\",\"tags\":[")
                                .getBytes(StandardCharsets.UTF_8);
                        byte[] chunk = (tags ? "\"a\"," : "    ").repeat(16 * 1024).getBytes(StandardCharsets.US_ASCII);
                        write(out, start, chunked);
                        sent.addAndGet(start.length);
                        while (sent.get() + chunk.length <= Math.min(send, size - 4)) {
                            write(out, chunk, chunked);
                            sent.addAndGet(chunk.length);
                        }
                        if (send >= size) {
                            write(out, "\"a\"]}".getBytes(StandardCharsets.US_ASCII), chunked);
                            if (chunked) {
                                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                            }
                            out.flush();
                        }
                    } catch (IOException closedByServer) {
                        // the server answered and closed: exactly what a refused body should see
                    }
                });
                writer.setDaemon(true);
                writer.start();
                InputStream in = socket.getInputStream();
                String status = line(in);
                long statusMillis = (System.nanoTime() - started) / 1_000_000;
                StringBuilder headers = new StringBuilder();
                int code = Integer.parseInt(status.split(" ")[1]);
                long length = -1;
                boolean chunkedReply = false;
                for (String h = line(in); !h.isEmpty(); h = line(in)) {
                    headers.append(h).append('\n');
                    String lower = h.toLowerCase(java.util.Locale.ROOT);
                    if (lower.startsWith("content-length:")) {
                        length = Long.parseLong(h.substring(15).trim());
                    } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                        chunkedReply = true;
                    }
                }
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                if (chunkedReply) {
                    for (int n = Integer.parseInt(line(in).split(";")[0].trim(), 16); n > 0; n = Integer
                            .parseInt(line(in).split(";")[0].trim(), 16)) {
                        body.write(in.readNBytes(n));
                        line(in);
                    }
                } else if (length >= 0) {
                    body.write(in.readNBytes((int) length));
                } else {
                    // until the server closes; it may first wait for the body it was promised and will not read
                    socket.setSoTimeout(3000);
                    try {
                        in.transferTo(body);
                    } catch (java.net.SocketTimeoutException enough) {
                        // the answer is complete: problem+json bodies are small and sent at once
                    }
                }
                System.out.println("raw " + method + " " + path + " as " + user + ", " + size + " bytes"
                        + (chunked ? " chunked" : "") + ": " + code + " after " + statusMillis + " ms, " + sent.get()
                        + " bytes sent");
                return new Raw(code, headers.toString(), body.toByteArray(), sent.get(), statusMillis);
            }
        }

        private static void write(OutputStream out, byte[] data, boolean chunked) throws IOException {
            if (chunked) {
                out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            out.write(data);
            if (chunked) {
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
        }

        private static String line(InputStream in) throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
                if (b != '\r') {
                    line.write(b);
                }
            }
            return line.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
