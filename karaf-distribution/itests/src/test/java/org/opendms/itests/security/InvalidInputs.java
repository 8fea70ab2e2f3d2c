package org.opendms.itests.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Invalid requests for one operation, derived from its OpenAPI request schema and parameters and nothing else, so an
 * operation added tomorrow gets them too. Each probe breaks one thing of a request that is otherwise as valid as the
 * suite can make it ({@link #InvalidInputs base body and path}): a field's type, a string's content, a number's range,
 * the JSON itself, the body's size or nesting, the content type, an id in the path, a query parameter, If-Match. Where
 * the fixed catalogue gives fewer than {@link #AT_LEAST} probes for a writing operation, seeded random combinations
 * fill up: the same seed gives the same probes in every run.
 */
public final class InvalidInputs {

    /**
     * Marks a probe whose request may be valid: the schema says neither what is required nor what a query parameter
     * takes. Such a probe may be answered 2xx; every other rule holds for it.
     */
    public static final String MAY_BE_ACCEPTED = " (may be accepted)";
    /** Probes per writing operation, at least. */
    public static final int AT_LEAST = 200;
    /** Over any sensible body cap (the OOM came from 20 MB bodies; caps are around 1 MB). */
    static final int LARGE_BODY = 3 * 1024 * 1024;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** JSON cannot carry a lone surrogate through Jackson's writer: the marker is replaced in the text. */
    private static final String LONE_SURROGATE = "\u0001LONE\u0001";
    /** Nesting deeper than Jackson writes: the marker (a string) is replaced in the text. */
    private static final String DEEP = "\u0001DEEP\u0001";

    /** Text no text field should store: control characters, bidi overrides, lone surrogates, sizes. */
    static final Map<String, String> ODD_STRINGS = new LinkedHashMap<>();
    static {
        ODD_STRINGS.put("NUL", "a\u0000b");
        ODD_STRINGS.put("BEL", "ding\u0007");
        ODD_STRINGS.put("terminal escape", "\u001b[2J\u001b[31mred");
        ODD_STRINGS.put("bidi override", "abc\u202Egpj.exe");
        ODD_STRINGS.put("lone surrogate", "x" + LONE_SURROGATE + "y");
        ODD_STRINGS.put("100k chars", "名".repeat(100_000));
        ODD_STRINGS.put("zero-width only", "\u200B\u200B");
        ODD_STRINGS.put("DEL", "a\u007Fb");
        ODD_STRINGS.put("C1 control", "a\u0085b\u009Bc");
    }

    /** Numbers out of any range a shop uses, and numbers of the wrong kind. */
    static final Map<String, JsonNode> ODD_NUMBERS = new LinkedHashMap<>();
    static {
        ODD_NUMBERS.put("negative", NODES.numberNode(-1));
        ODD_NUMBERS.put("int max + 1", NODES.numberNode(2_147_483_648L));
        ODD_NUMBERS.put("long min", NODES.numberNode(Long.MIN_VALUE));
        ODD_NUMBERS.put("beyond long", NODES.numberNode(new java.math.BigInteger("99999999999999999999999")));
        ODD_NUMBERS.put("fraction", NODES.numberNode(new java.math.BigDecimal("1.5")));
        ODD_NUMBERS.put("exponent", NODES.numberNode(new java.math.BigDecimal("1E+400")));
        ODD_NUMBERS.put("tiny fraction", NODES.numberNode(new java.math.BigDecimal("0.0000000001")));
    }

    /** Ids in the path that must not reach a record: odd spellings of 1, and numbers no id has. */
    static final Map<String, String> ODD_IDS = new LinkedHashMap<>();
    static {
        ODD_IDS.put("full-width digit", "%EF%BC%91");
        ODD_IDS.put("plus sign", "+1");
        ODD_IDS.put("encoded plus", "%2B1");
        ODD_IDS.put("trailing newline", "1%0A");
        ODD_IDS.put("trailing space", "1%20");
        ODD_IDS.put("NUL", "1%00");
        ODD_IDS.put("negative", "-1");
        ODD_IDS.put("zero", "0");
        ODD_IDS.put("beyond long", "99999999999999999999");
        ODD_IDS.put("long max", "9223372036854775807");
        ODD_IDS.put("decimal", "1.0");
        ODD_IDS.put("exponent", "1e3");
        ODD_IDS.put("hex", "0x1");
        ODD_IDS.put("letters", "abc");
        ODD_IDS.put("Arabic-Indic digit", "%D9%A1");
        ODD_IDS.put("dot dot", "..%2F..%2Fetc");
        ODD_IDS.put("matrix parameter", "1;x=1");
        ODD_IDS.put("very long", "9".repeat(5000));
    }

    /** Query parameter values that paging and filters must refuse or bound, never overflow on. */
    static final Map<String, String> ODD_QUERY = new LinkedHashMap<>();
    static {
        ODD_QUERY.put("int max", "2147483647");
        ODD_QUERY.put("beyond int", "2147483648");
        ODD_QUERY.put("negative", "-1");
        ODD_QUERY.put("letters", "abc");
        ODD_QUERY.put("NUL", "%00");
        ODD_QUERY.put("full-width digit", "%EF%BC%91");
        ODD_QUERY.put("very long", "x".repeat(5000));
    }

    /** Bodies that are not JSON, or not whole JSON. */
    static final Map<String, String> BROKEN_JSON = new LinkedHashMap<>();
    static {
        BROKEN_JSON.put("unclosed object", "{");
        BROKEN_JSON.put("unclosed field", "{\"a\":");
        BROKEN_JSON.put("single quotes", "{'a':1}");
        BROKEN_JSON.put("trailing comma", "{\"a\":1,}");
        BROKEN_JSON.put("NaN", "{\"a\":NaN}");
        BROKEN_JSON.put("leading zero", "{\"a\":01}");
        BROKEN_JSON.put("two documents", "{}{}");
        BROKEN_JSON.put("comment", "{/* c */}");
        BROKEN_JSON.put("bare word", "nul");
        BROKEN_JSON.put("NUL byte", "\u0000");
        BROKEN_JSON.put("BOM", "\uFEFF{}");
        BROKEN_JSON.put("empty", "");
        BROKEN_JSON.put("unescaped control in string", "{\"a\":\"x\u0001y\"}");
        BROKEN_JSON.put("bad escape", "{\"a\":\"\\x41\"}");
        BROKEN_JSON.put("unquoted key", "{a:1}");
    }

    /** JSON documents of the wrong shape for an object body. */
    static final Map<String, String> WRONG_ROOTS = new LinkedHashMap<>();
    static {
        WRONG_ROOTS.put("null root", "null");
        WRONG_ROOTS.put("array root", "[]");
        WRONG_ROOTS.put("string root", "\"x\"");
        WRONG_ROOTS.put("number root", "123");
        WRONG_ROOTS.put("boolean root", "true");
    }

    /** Content types a JSON operation must refuse (a browser's cross-site form sends the first three). */
    static final List<String> WRONG_CONTENT_TYPES = List.of("text/plain", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x", "application/xml", "application/octet-stream");

    /** If-Match values that are no version. */
    static final Map<String, String> ODD_IF_MATCH = new LinkedHashMap<>();
    static {
        ODD_IF_MATCH.put("letters", "\"abc\"");
        ODD_IF_MATCH.put("unquoted letters", "abc");
        ODD_IF_MATCH.put("negative", "\"-1\"");
        ODD_IF_MATCH.put("beyond long", "\"99999999999999999999\"");
        ODD_IF_MATCH.put("empty", "\"\"");
        ODD_IF_MATCH.put("stale", "\"0\"");
    }

    private final ApiOperation op;
    private final Map<String, String> pathValues;
    private final ObjectNode base;
    private final Random random;
    private final Set<String> seen = new LinkedHashSet<>();
    private final List<Probe> probes = new ArrayList<>();

    /**
     * @param pathValues
     *                   a real value for each path parameter (a record of the suite's own where it can)
     * @param base
     *                   a request body as valid as the suite can make it (null for operations without a JSON body)
     */
    public InvalidInputs(ApiOperation op, Map<String, String> pathValues, ObjectNode base, long seed) {
        this.op = op;
        this.pathValues = pathValues;
        this.base = base;
        this.random = new Random(seed ^ op.key().hashCode());
    }

    /** The probes for this operation: every fixed case, then random ones up to {@link #AT_LEAST} if it writes. */
    public List<Probe> probes() {
        List<String> fields = base == null ? List.of() : fieldPaths(base, "");
        for (String field : fields) {
            breakField(field);
        }
        if (op.takesJson()) {
            wholeBody();
        } else if (op.bodyType() != null) {
            binaryBody();
        } else if (op.writes()) {
            // a write without a body: a cross-site form post carries one anyway
            for (String type : WRONG_CONTENT_TYPES) {
                add(withHeaders("content type " + type, path(Map.of()), "x=1", null, "Content-Type", type));
            }
        }
        for (String param : op.parameterNames("path")) {
            for (Map.Entry<String, String> id : ODD_IDS.entrySet()) {
                add(withBody("path " + param + " " + id.getKey(), path(Map.of(param, id.getValue())), param));
            }
        }
        for (String param : op.parameterNames("query")) {
            for (Map.Entry<String, String> value : ODD_QUERY.entrySet()) {
                String path = path(Map.of()) + "?" + param + "=" + value.getValue();
                add(withBody("query " + param + " " + value.getKey() + MAY_BE_ACCEPTED, path, param));
            }
        }
        if (op.takesIfMatch()) {
            for (Map.Entry<String, String> value : ODD_IF_MATCH.entrySet()) {
                add(withBody("If-Match " + value.getKey(), path(Map.of()), null).withHeader("If-Match",
                        value.getValue()));
            }
        }
        // seeded fill: two fields broken at once, a random id in the path, or a random body
        List<JsonNode> pool = valuePool();
        List<String> params = op.parameterNames("path");
        for (int attempts = 0; op.writes() && probes.size() < AT_LEAST && attempts < 50 * AT_LEAST; attempts++) {
            int strategy = random.nextInt(3);
            if (strategy == 0 && fields.size() > 1) {
                ObjectNode body = base.deepCopy();
                String a = fields.get(random.nextInt(fields.size()));
                String b = fields.get(random.nextInt(fields.size()));
                set(body, a, oddFor(a, pool));
                set(body, b, oddFor(b, pool));
                // either field may be the one a refusal names first
                add(Probe.json(op, "random pair " + a + "+" + b, path(Map.of()), text(body), a + "|" + b));
            } else if (strategy == 1 && !params.isEmpty()) {
                String param = params.get(random.nextInt(params.size()));
                String odd = randomId();
                add(withBody("path " + param + " random " + odd, path(Map.of(param, odd)), param));
            } else if (strategy == 2 && op.bodyType() != null) {
                String junk = randomText(1 + random.nextInt(40));
                add(withHeaders("random body", path(Map.of()), junk, null, "Content-Type",
                        op.takesJson() || op.bodyType() == null ? "application/json" : op.bodyType()));
            }
        }
        return probes;
    }

    /** A random value of the pool that is not valid for the field: 1.5 is a valid number (1.5 hours, 1.50 yuan). */
    private JsonNode oddFor(String field, List<JsonNode> pool) {
        boolean number = "number".equals(schemaAt(field).path("type").asText());
        List<JsonNode> odd = number ? pool.stream().filter(v -> !v.equals(ODD_NUMBERS.get("fraction"))).toList() : pool;
        return odd.get(random.nextInt(odd.size()));
    }

    private void breakField(String field) {
        JsonNode schema = schemaAt(field);
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        Map<String, JsonNode> wrong = new LinkedHashMap<>();
        switch (type) {
        case "integer", "number" -> {
            wrong.put("text for number", NODES.textNode("12"));
            wrong.put("letters for number", NODES.textNode("abc"));
            wrong.put("boolean for number", NODES.booleanNode(true));
            wrong.put("object for number", NODES.objectNode());
            wrong.put("array for number", NODES.arrayNode().add(1));
            ODD_NUMBERS.forEach((k, v) -> wrong.put(k, v));
            if (type.equals("number")) {
                // 1.5 hours is a number like any other
                wrong.remove("fraction");
            }
        }
        case "boolean" -> {
            wrong.put("text for boolean", NODES.textNode("true"));
            wrong.put("number for boolean", NODES.numberNode(1));
            wrong.put("object for boolean", NODES.objectNode());
        }
        case "array" -> {
            wrong.put("object for array", NODES.objectNode());
            wrong.put("text for array", NODES.textNode("x"));
            wrong.put("number for array", NODES.numberNode(1));
            wrong.put("array of arrays", NODES.arrayNode().add(NODES.arrayNode().add(NODES.arrayNode())));
            wrong.put("array of objects", NODES.arrayNode().add(NODES.objectNode().put("x", 1)));
            ArrayNode many = NODES.arrayNode();
            for (int i = 0; i < 100_000; i++) {
                many.add("t" + i);
            }
            wrong.put("100k items", many);
            ArrayNode odd = NODES.arrayNode();
            odd.add(ODD_STRINGS.get("terminal escape"));
            wrong.put("control chars in item", odd);
        }
        case "object" -> {
            wrong.put("array for object", NODES.arrayNode());
            wrong.put("text for object", NODES.textNode("x"));
            wrong.put("number for object", NODES.numberNode(1));
        }
        default -> {
            wrong.put("number for text", NODES.numberNode(123));
            wrong.put("boolean for text", NODES.booleanNode(false));
            wrong.put("object for text", NODES.objectNode().put("x", 1));
            wrong.put("array for text", NODES.arrayNode().add("x"));
            ODD_STRINGS.forEach((k, v) -> wrong.put(k, NODES.textNode(v)));
            if (schema.has("enum")) {
                String first = schema.path("enum").path(0).asText();
                wrong.put("enum with leading space", NODES.textNode(" " + first));
                wrong.put("enum in lower case", NODES.textNode(first.toLowerCase()));
                wrong.put("enum unknown", NODES.textNode("NO_SUCH_VALUE"));
            }
            String format = schema.path("format").asText();
            if (format.startsWith("date")) {
                wrong.put("impossible date", NODES.textNode(format.equals("date") ? "2025-02-30"
                        : "2025-02-30T10:00:00+08:00"));
                wrong.put("year 99999", NODES.textNode(format.equals("date") ? "99999-01-01"
                        : "99999-01-01T10:00:00+08:00"));
            }
        }
        }
        for (Map.Entry<String, JsonNode> w : wrong.entrySet()) {
            ObjectNode body = base.deepCopy();
            set(body, field, w.getValue());
            add(Probe.json(op, w.getKey() + " at " + field, path(Map.of()), text(body), field));
        }
        ObjectNode deep = base.deepCopy();
        set(deep, field, NODES.textNode(DEEP));
        add(Probe.json(op, "deep nesting at " + field, path(Map.of()), text(deep), field));
        if (!field.contains(".")) {
            ObjectNode missing = base.deepCopy();
            missing.remove(field);
            // the schema does not say what is required: an answer of 2xx here is no finding, 5xx is
            add(new Probe(op.key(), "missing " + field + MAY_BE_ACCEPTED, op.method(), path(Map.of()),
                    Map.of("Content-Type", "application/json"), text(missing).getBytes(StandardCharsets.UTF_8),
                    field));
            ObjectNode nulled = base.deepCopy();
            nulled.putNull(field);
            add(new Probe(op.key(), "null " + field + MAY_BE_ACCEPTED, op.method(), path(Map.of()),
                    Map.of("Content-Type", "application/json"), text(nulled).getBytes(StandardCharsets.UTF_8),
                    field));
        }
    }

    private void wholeBody() {
        String path = path(Map.of());
        BROKEN_JSON.forEach((k, v) -> add(Probe.json(op, "broken JSON " + k, path, v, null)));
        if (base != null) {
            WRONG_ROOTS.forEach((k, v) -> add(Probe.json(op, k, path, v, null)));
            for (String unknown : List.of("zzUnknown", "id", "version", "createdBy", "__proto__")) {
                if (!base.has(unknown)
                        && op.resolve(op.bodySchema()).path("properties").path(unknown).isMissingNode()) {
                    ObjectNode body = base.deepCopy();
                    body.put(unknown, 7);
                    add(Probe.json(op, "unknown field " + unknown, path, text(body), unknown));
                }
            }
            ObjectNode duplicated = base.deepCopy();
            String text = text(duplicated);
            if (text.length() > 2 && !fieldPaths(base, "").isEmpty()) {
                String first = base.fieldNames().next();
                add(Probe.json(op, "duplicate key " + first, path,
                        "{\"" + first + "\":" + base.get(first) + "," + text.substring(1), first));
            }
            for (String type : WRONG_CONTENT_TYPES) {
                add(withHeaders("content type " + type, path, text, null, "Content-Type", type));
            }
            add(withHeaders("no content type", path, text, null, "Content-Type", null));
            add(withHeaders("JSON in Latin-1", path, text, null, "Content-Type",
                    "application/json; charset=ISO-8859-1"));
        }
        add(Probe.json(op, "deep nesting of arrays", path, "[".repeat(100_000) + "]".repeat(100_000), null));
        add(Probe.json(op, "deep nesting of objects", path, "{\"a\":".repeat(50_000) + "1" + "}".repeat(50_000),
                null));
        StringBuilder large = new StringBuilder("{\"zz\":\"");
        large.append("x".repeat(LARGE_BODY)).append("\"}");
        add(Probe.json(op, "large body " + LARGE_BODY / 1024 / 1024 + " MB", path, large.toString(), null));
        StringBuilder manyItems = new StringBuilder("[");
        for (int i = 0; manyItems.length() < LARGE_BODY; i++) {
            manyItems.append(i == 0 ? "" : ",").append("\"t").append(i).append('"');
        }
        add(Probe.json(op, "large array body", path, manyItems.append(']').toString(), null));
        byte[] invalidUtf8 = { '{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}' };
        add(new Probe(op.key(), "invalid UTF-8", op.method(), path, Map.of("Content-Type", "application/json"),
                invalidUtf8, null));
    }

    /** An operation taking a file (a photo): wrong types, no bytes, bytes that are not what they say, too many. */
    private void binaryBody() {
        String path = path(Map.of());
        add(withHeaders("empty " + op.bodyType(), path, "", null, "Content-Type", "image/jpeg"));
        add(withHeaders("text as image", path, "not an image", null, "Content-Type", "image/jpeg"));
        add(withHeaders("JSON instead of file", path, "{}", null, "Content-Type", "application/json"));
        add(withHeaders("text/plain", path, "x", null, "Content-Type", "text/plain"));
        add(withHeaders("no content type", path, "x", null, "Content-Type", null));
        add(new Probe(op.key(), "large file " + (8 * LARGE_BODY) / 1024 / 1024 + " MB", op.method(), path,
                Map.of("Content-Type", "image/jpeg"), new byte[8 * LARGE_BODY], null));
    }

    /** A probe that keeps the operation's valid body (if any) and changes only the path or a parameter. */
    private Probe withBody(String kind, String path, String field) {
        if (base != null) {
            return Probe.json(op, kind, path, text(base), field);
        }
        if (op.bodyType() != null && !op.takesJson()) {
            return new Probe(op.key(), kind, op.method(), path, Map.of("Content-Type", "image/jpeg"),
                    new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF }, field);
        }
        return Probe.json(op, kind, path, null, field);
    }

    private Probe withHeaders(String kind, String path, String body, String field, String header, String value) {
        Probe p = new Probe(op.key(), kind, op.method(), path, Map.of(),
                body == null ? null : body.getBytes(StandardCharsets.UTF_8), field);
        return p.withHeader(header, value);
    }

    private void add(Probe probe) {
        String signature = probe.method() + probe.path() + probe.headers() + (probe.body() == null ? ""
                : probe.body().length + ":" + java.util.Arrays.hashCode(probe.body()));
        if (seen.add(signature)) {
            probes.add(probe);
        }
    }

    /** The path with real values, some parameters replaced by the given (already encoded) text. */
    private String path(Map<String, String> replaced) {
        String p = op.path();
        for (String param : op.parameterNames("path")) {
            String value = replaced.containsKey(param) ? replaced.get(param)
                    : java.net.URLEncoder.encode(pathValues.getOrDefault(param, "1"), StandardCharsets.UTF_8)
                            .replace("+", "%20");
            p = p.replace("{" + param + "}", value);
        }
        return p.substring(1);
    }

    /** Field paths of the base body: top-level names, and "outer.inner" inside nested objects. */
    private static List<String> fieldPaths(ObjectNode body, String prefix) {
        List<String> paths = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            paths.add(prefix + e.getKey());
            if (e.getValue().isObject() && prefix.isEmpty()) {
                paths.addAll(fieldPaths((ObjectNode) e.getValue(), e.getKey() + "."));
            }
        }
        return paths;
    }

    private JsonNode schemaAt(String field) {
        JsonNode schema = op.resolve(op.bodySchema());
        for (String part : field.split("\\.")) {
            schema = op.resolve(schema.path("properties").path(part));
        }
        return schema;
    }

    private static void set(ObjectNode body, String field, JsonNode value) {
        int dot = field.indexOf('.');
        if (dot < 0) {
            body.set(field, value);
        } else if (body.get(field.substring(0, dot)) instanceof ObjectNode inner) {
            inner.set(field.substring(dot + 1), value);
        }
    }

    private List<JsonNode> valuePool() {
        List<JsonNode> pool = new ArrayList<>();
        ODD_STRINGS.values().stream().filter(s -> s.length() < 1000).forEach(s -> pool.add(NODES.textNode(s)));
        pool.addAll(ODD_NUMBERS.values());
        pool.add(NODES.objectNode().put("x", 1));
        pool.add(NODES.arrayNode().add(1).add("x"));
        return pool;
    }

    private String randomId() {
        String[] parts = { "1", "０", "-", "+", "%0A", "%20", "9", "%EF%BC%99", "e", ".", "%09", "x" };
        StringBuilder s = new StringBuilder();
        for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
            s.append(parts[random.nextInt(parts.length)]);
        }
        // plain ASCII digits may name a real record: not an odd id
        return s.toString().matches("[0-9]+") ? "+" + s : s.toString().replace("０", "%EF%BC%90");
    }

    private String randomText(int length) {
        StringBuilder s = new StringBuilder();
        String alphabet = "{}[]\":,\\0123456789truefalsnul \u0000\u202E名";
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    static String text(JsonNode body) {
        try {
            return JSON.writeValueAsString(body).replace(LONE_SURROGATE.replace("\u0001", "\\u0001"), "\\ud800")
                    .replace('"' + DEEP.replace("\u0001", "\\u0001") + '"', "[".repeat(2_000) + "]".repeat(2_000));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
