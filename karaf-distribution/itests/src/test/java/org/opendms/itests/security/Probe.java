package org.opendms.itests.security;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One request the suite sends: what it tries ({@code kind}, e.g. "wrong type number at name"), the request itself, and
 * the field a refusal should name (null where no single field is at fault, e.g. broken JSON).
 */
public record Probe(String operation, String kind, String method, String path, Map<String, String> headers,
        byte[] body, String expectedField) {

    public static Probe json(ApiOperation op, String kind, String path, String body, String expectedField) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        return new Probe(op.key(), kind, op.method(), path, headers,
                body == null ? null : body.getBytes(StandardCharsets.UTF_8), expectedField);
    }

    public Probe withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        if (value == null) {
            h.remove(name);
        } else {
            h.put(name, value);
        }
        return new Probe(operation, kind, method, path, h, body, expectedField);
    }

    /** What the report shows: the operation, what was tried, and the start of the body. */
    public String describe() {
        String shown = body == null ? ""
                : new String(body, 0, Math.min(body.length, 120), StandardCharsets.UTF_8)
                        .replaceAll("\\p{Cntrl}", "?");
        return operation + " [" + kind + "] " + method + " " + path + (shown.isEmpty() ? "" : " " + shown)
                + (body != null && body.length > 120 ? "... (" + body.length + " bytes)" : "");
    }
}
