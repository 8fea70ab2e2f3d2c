package org.opendms.platform.rest.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.ws.rs.Consumes;
import javax.ws.rs.Produces;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.ext.MessageBodyReader;
import javax.ws.rs.ext.MessageBodyWriter;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsMediaType;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;

/**
 * JSON for the whole API, strict on input: an unknown field, a duplicate key, a wrong type (a number where text is
 * expected too), a trailing token, a huge value, text with control characters ({@link StrictText}) or an enum value
 * that is not exactly one of its names is refused with 400 rather than silently ignored or half-applied; an array
 * longer than {@value #MAX_ITEMS} items with 413 ({@link ItemLimitParser}).
 */
@Component(service = { MessageBodyReader.class, MessageBodyWriter.class }, configurationPid = ShopConfig.PID)
@Designate(ocd = ShopConfig.class)
@JaxrsExtension
@JaxrsName("dms.json")
@JaxrsMediaType(MediaType.APPLICATION_JSON)
@Consumes({ MediaType.APPLICATION_JSON, "application/*+json", "text/json" })
@Produces({ MediaType.APPLICATION_JSON, "application/*+json" })
public class StrictJsonProvider extends JacksonJsonProvider {

    /** Longest string value accepted in a request; the longest field we store is far shorter. */
    static final int MAX_STRING = 64 * 1024;
    /** Most items in one JSON array of a request (tags, concerns, lines); a longer one is refused with 413. */
    static final int MAX_ITEMS = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(StrictJsonProvider.class);

    /** Writers by the answer's generic type: Jackson's provider looked one up by hashing the method's annotations. */
    private final Map<Type, ObjectWriter> writers = new ConcurrentHashMap<>();
    private final ObjectMapper mapper;

    @Activate
    public StrictJsonProvider(ShopConfig shop) {
        this(mapper(zone(shop.timeZone())));
    }

    private StrictJsonProvider(ObjectMapper mapper) {
        super(mapper);
        this.mapper = mapper;
    }

    static ZoneId zone(String configured) {
        try {
            return ZoneId.of(configured);
        } catch (DateTimeException e) {
            LOG.error("time zone '{}' in {} is not a zone id such as Asia/Shanghai; using Asia/Shanghai", configured,
                    ShopConfig.PID);
            return ZoneId.of("Asia/Shanghai");
        }
    }

    /**
     * Instants are stored in UTC and shown in the shop's zone with their seconds, e.g. 2026-11-22T23:44:21.342+08:00 or
     * 2026-12-06T00:53:00+08:00 ({@code OffsetDateTime.toString()} leaves out zero seconds, which Jackson's reader then
     * refused: the API could not read back a time it wrote). Read with any offset or Z, the seconds optional.
     */
    static ObjectMapper mapper(ZoneId shopZone) {
        SimpleModule shopTime = new SimpleModule("shop-time");
        shopTime.addSerializer(Instant.class, new StdSerializer<Instant>(Instant.class) {
            private static final long serialVersionUID = 1L;

            @Override
            public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                        OffsetDateTime.ofInstant(value.truncatedTo(ChronoUnit.MILLIS), shopZone)));
            }
        });
        shopTime.addDeserializer(Instant.class, new StdScalarDeserializer<Instant>(Instant.class) {
            private static final long serialVersionUID = 1L;

            @Override
            public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                if (p.currentToken() != JsonToken.VALUE_STRING) {
                    return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
                }
                String text = p.getText().trim();
                try {
                    return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
                } catch (DateTimeException e) {
                    return (Instant) ctxt.handleWeirdStringValue(Instant.class, text,
                            "a time with its offset, e.g. 2026-12-02T15:00:00+08:00");
                }
            }
        });
        ObjectMapper mapper = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .addModule(new JavaTimeModule())
                .addModule(shopTime)
                .addModule(StrictText.module())
                .addModule(TimeAsText.module())
                .build();
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(MAX_STRING).maxNestingDepth(32).maxNumberLength(40).build());
        return mapper;
    }

    /**
     * The answer is written whole with its length (answers are pages and records, never large): streamed, it went out
     * chunked, in two writes to the connection, and the flush was the largest single cost of a key lookup. A client
     * that hung up while its answer was being written is not a failure of ours: one line at debug level, and no second
     * attempt to write an error to a closed connection.
     */
    @Override
    public void writeTo(Object value, Class<?> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, Object> httpHeaders, OutputStream entityStream)
            throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream(2048);
        // as Jackson's provider does: a generic type (a page of customers) is written as declared, a class as what
        // the value is (a subclass keeps its own fields)
        boolean generic = genericType != null && !(genericType instanceof Class<?>) && value != null;
        (generic ? writer(genericType) : mapper.writer()).writeValue(body, value);
        if (!httpHeaders.containsKey(HttpHeaders.CONTENT_LENGTH)) {
            httpHeaders.putSingle(HttpHeaders.CONTENT_LENGTH, Integer.toString(body.size()));
        }
        try {
            body.writeTo(entityStream);
        } catch (IOException e) {
            if (!ProblemMapper.clientGone(e)) {
                throw e;
            }
            LOG.debug("Client closed the connection before the answer was written: {}", e.toString());
        }
    }

    /**
     * No resource of ours names a Jackson view or feature on its methods, so the declared type is all that chooses the
     * writer. Bounded: a plugin updated many times leaves its old types behind.
     */
    private ObjectWriter writer(Type declared) {
        ObjectWriter writer = writers.get(declared);
        if (writer == null) {
            if (writers.size() > 2000) {
                writers.clear();
            }
            writer = mapper.writerFor(mapper.getTypeFactory().constructType(declared));
            writers.put(declared, writer);
        }
        return writer;
    }

    /**
     * Every request is parsed through the array-length guard (Jackson's read constraints have none), after its first
     * bytes are checked ({@link #utf8Head}).
     */
    @Override
    protected JsonParser _createParser(ObjectReader reader, InputStream rawStream) throws IOException {
        return new ItemLimitParser(super._createParser(reader, utf8Head(rawStream)), MAX_ITEMS);
    }

    /**
     * JSON here is UTF-8 without a byte-order mark (RFC 8259), and its first bytes are checked before Jackson sees
     * them. A byte-order mark is refused like any other text that is not JSON, rather than skipped as Jackson would
     * (U+FEFF before {@code {}} is not the empty request {@code {}}; strings refuse U+FEFF too, {@link StrictText}). A
     * NUL among the first four bytes is refused too: JSON text never holds one, and Jackson would take it for UTF-16
     * or UTF-32 and fail with an I/O error instead of a parse error (a 500 instead of a 400).
     */
    static InputStream utf8Head(InputStream raw) throws IOException {
        PushbackInputStream in = new PushbackInputStream(raw, 4);
        byte[] head = new byte[4];
        int n = 0;
        for (int r; n < head.length && (r = in.read(head, n, head.length - n)) > 0;) {
            n += r;
        }
        boolean utf8 = n >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
        boolean utf16 = n >= 2 && ((head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF
                || (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE);
        if (utf8 || utf16) {
            throw new JsonParseException((JsonParser) null, BYTE_ORDER_MARK);
        }
        for (int i = 0; i < n; i++) {
            if (head[i] == 0) {
                throw new JsonParseException((JsonParser) null, NOT_UTF8);
            }
        }
        if (n > 0) {
            in.unread(head, 0, n);
        }
        return in;
    }

    /** Messages of the refusals of {@link #utf8Head}, recognised by {@link ProblemMapper#describe}. */
    static final String BYTE_ORDER_MARK = "Byte-order mark before the JSON text";
    static final String NOT_UTF8 = "NUL byte at the start: not UTF-8 JSON text";
}
