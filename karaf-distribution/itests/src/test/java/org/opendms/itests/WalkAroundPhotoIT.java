package org.opendms.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import javax.imageio.ImageIO;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerSuite;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Walk-around photos over REST, as the advisor takes them at reception and the technician in the workshop: real PNG and
 * JPEG images up and byte for byte back, and the refusals a phone can meet (a file that is not the image it claims, one
 * too large, a role that takes no photos), none of which stores anything.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerSuite.class)
public class WalkAroundPhotoIT extends DmsTestSupport {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** The default photoMaxBytes of the distribution. */
    private static final int LIMIT = 5 * 1024 * 1024;

    @Before
    public void platformAnswers() throws Exception {
        awaitPlatform();
    }

    /** What an upload or a photo read answers; the bytes as they came. */
    record Binary(int status, String contentType, String cacheControl, String location, byte[] body) {
        JsonNode json() throws Exception {
            return JSON.readTree(body);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private static Binary send(String method, String path, String user, String contentType, byte[] body,
            String... headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(60))
                .method(method,
                        body == null ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Binary(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.headers().firstValue("Cache-Control").orElse(""),
                response.headers().firstValue("Location").orElse(null), response.body());
    }

    private static byte[] image(String format, Color colour, int type) throws Exception {
        BufferedImage image = new BufferedImage(32, 24, type);
        for (int x = 0; x < 32; x++) {
            for (int y = 0; y < 24; y++) {
                image.setRGB(x, y, (x / 4 + y / 4) % 2 == 0 ? colour.getRGB() : Color.WHITE.getRGB());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue("an ImageIO writer for " + format, ImageIO.write(image, format, out));
        return out.toByteArray();
    }

    private static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    /** A work order opened at reception by a plate the archive does not know yet, as WorkOrderVisitIT does. */
    private static long openWorkOrder() throws Exception {
        long n = unique();
        long owner = ok(call("POST", "customers", "advisor",
                "{\"type\":\"PERSON\",\"name\":\"刘女士\",\"mobile\":\"" + newMobile() + "\"}"), 201).path("id").asLong();
        return ok(call("POST", "work-orders", "advisor", "{\"plate\":\"" + TestData.plate(n) + "\",\"vin\":\""
                + TestData.vin(n) + "\",\"ownerId\":" + owner + ",\"mileageKm\":41200,\"fuelPercent\":60,"
                + "\"walkAround\":\"右后门划痕\",\"concerns\":[{\"concern\":\"保养\",\"payType\":\"CUSTOMER\"}],"
                + "\"visitTypes\":[\"MAINTENANCE\"]}"), 201).path("id").asLong();
    }

    private static int photoCount(long workOrderId) throws Exception {
        JsonNode list = ok(call("GET", "work-orders/" + workOrderId + "/photos", "advisor", null), 200);
        assertTrue(list.toString(), list.isArray());
        return list.size();
    }

    @Test
    public void photosGoUpAndComeBackByteForByte() throws Exception {
        long id = openWorkOrder();
        String path = "work-orders/" + id + "/photos";
        byte[] png = image("png", Color.RED, BufferedImage.TYPE_INT_ARGB);
        byte[] jpeg = image("jpeg", Color.BLUE, BufferedImage.TYPE_INT_RGB);

        Binary up = send("POST", path + "?caption=" + URLEncoder.encode("右后门划痕", StandardCharsets.UTF_8), "advisor",
                "image/png", png);
        assertEquals(up.text(), 201, up.status());
        JsonNode first = up.json();
        long firstId = first.path("id").asLong();
        assertEquals(id, first.path("workOrderId").asLong());
        assertEquals("image/png", first.path("contentType").asText());
        assertEquals(png.length, first.path("sizeBytes").asInt());
        assertEquals(sha256(png), first.path("sha256").asText());
        assertEquals("右后门划痕", first.path("caption").asText());
        assertEquals("advisor", first.path("takenBy").asText());
        assertTrue(up.location(), up.location().endsWith("/api/" + path + "/" + firstId));

        // the technician finds more in the workshop
        Binary second = send("POST", path, "technician", "image/jpeg", jpeg);
        assertEquals(second.text(), 201, second.status());
        long secondId = second.json().path("id").asLong();
        assertTrue(second.json().path("caption").isNull());

        // every logged-in user reads them, oldest first, without their bytes
        JsonNode list = ok(call("GET", path, "cashier", null), 200);
        assertEquals(list.toString(), 2, list.size());
        assertEquals(firstId, list.path(0).path("id").asLong());
        assertEquals(secondId, list.path(1).path("id").asLong());
        assertTrue(list.toString(), list.path(0).path("data").isMissingNode());

        Binary back = send("GET", path + "/" + firstId, "advisor", null, null);
        assertEquals(200, back.status());
        assertEquals("image/png", back.contentType());
        assertTrue(back.cacheControl(), back.cacheControl().contains("private"));
        assertArrayEquals(png, back.body());
        back = send("GET", path + "/" + secondId, "manager", null, null);
        assertEquals("image/jpeg", back.contentType());
        assertArrayEquals(jpeg, back.body());
        assertEquals("still an image", 32, ImageIO.read(new ByteArrayInputStream(back.body())).getWidth());

        // a photo of another work order is not found under this one
        long other = openWorkOrder();
        Binary missing = send("GET", "work-orders/" + other + "/photos/" + firstId, "advisor", null, null);
        assertEquals(missing.text(), 404, missing.status());
        assertEquals("photoId", missing.json().path("errors").path(0).path("field").asText());
    }

    @Test
    public void whatIsNotAPhotoOfTheRightTypeAndSizeIsRefusedAndNothingStored() throws Exception {
        long id = openWorkOrder();
        String path = "work-orders/" + id + "/photos";
        byte[] png = image("png", Color.GREEN, BufferedImage.TYPE_INT_ARGB);

        // a text file renamed to .png
        Binary text = send("POST", path, "advisor", "image/png", "这不是照片\n客户的备注".getBytes(StandardCharsets.UTF_8),
                "Accept-Language", "en");
        assertEquals(text.text(), 400, text.status());
        assertTrue(text.contentType(), text.contentType().startsWith("application/problem+json"));
        JsonNode error = text.json().path("errors").path(0);
        assertEquals("photo", error.path("field").asText());
        assertEquals("photo.type", error.path("code").asText());
        assertTrue(error.toString(), error.path("message").asText().contains("image/png"));

        // a real PNG declared as something else, and a type that is no photo
        Binary jpegClaim = send("POST", path, "advisor", "image/jpeg", png);
        assertEquals(jpegClaim.text(), 400, jpegClaim.status());
        assertEquals("photo.type", jpegClaim.json().path("errors").path(0).path("code").asText());
        // a type a cross-site form can send is not an upload at all (README: Security)
        Binary plain = send("POST", path, "advisor", "text/plain", png);
        assertEquals(plain.text(), 415, plain.status());
        assertTrue(plain.contentType(), plain.contentType().startsWith("application/problem+json"));

        // over the limit: the upload is never read whole, and the answer names the limit
        byte[] huge = Arrays.copyOf(png, LIMIT + 1024);
        Binary tooLarge = send("POST", path, "technician", "image/png", huge);
        assertEquals(tooLarge.text(), 400, tooLarge.status());
        assertEquals("photo.too_large", tooLarge.json().path("errors").path(0).path("code").asText());
        assertTrue(tooLarge.text(), tooLarge.json().path("errors").path(0).path("message").asText().contains("5 MB"));

        Binary empty = send("POST", path, "advisor", "image/png", new byte[0]);
        assertEquals(empty.text(), 400, empty.status());
        assertEquals("photo.empty", empty.json().path("errors").path(0).path("code").asText());

        // the cashier takes no photos
        Binary cashier = send("POST", path, "cashier", "image/png", png);
        assertEquals(cashier.text(), 403, cashier.status());

        Binary unknown = send("POST", "work-orders/99999999/photos", "advisor", "image/png", png);
        assertEquals(unknown.text(), 404, unknown.status());

        assertEquals("a refused photo stores nothing", 0, photoCount(id));
        Binary stored = send("POST", path, "advisor", "image/png", png);
        assertEquals(stored.text(), 201, stored.status());
        assertEquals(1, photoCount(id));
    }
}
