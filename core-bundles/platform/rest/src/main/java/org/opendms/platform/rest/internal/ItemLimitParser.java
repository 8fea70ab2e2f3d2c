package org.opendms.platform.rest.internal;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.util.JsonParserDelegate;

/**
 * Counts the items of every JSON array as it is parsed and stops at the {@code max}-th + 1, naming the array: Jackson's
 * own read constraints cap strings, numbers and nesting but not how many items an array holds, and a {@code tags}
 * array of millions of one-letter strings fits in a body of a few megabytes and takes far more heap once bound.
 */
final class ItemLimitParser extends JsonParserDelegate {

    private final int max;

    ItemLimitParser(JsonParser parser, int max) {
        super(parser);
        this.max = max;
    }

    @Override
    public JsonToken nextToken() throws IOException {
        try {
            return check(delegate.nextToken());
        } catch (StreamConstraintsException e) {
            throw named(e);
        }
    }

    @Override
    public JsonToken nextValue() throws IOException {
        try {
            return check(delegate.nextValue());
        } catch (StreamConstraintsException e) {
            throw named(e);
        }
    }

    /** Jackson's own limits (number length, nesting) say where only as a location: add the field. */
    private StreamConstraintsException named(StreamConstraintsException e) {
        if (e instanceof TooManyItems || e instanceof Named) {
            return e;
        }
        Named named = new Named(e.getOriginalMessage(), field(delegate.getParsingContext()));
        named.initCause(e);
        return named;
    }

    private JsonToken check(JsonToken token) throws IOException {
        if (token == null || token == JsonToken.END_ARRAY || token == JsonToken.END_OBJECT
                || token == JsonToken.FIELD_NAME) {
            return token;
        }
        JsonStreamContext context = delegate.getParsingContext();
        if (token == JsonToken.START_ARRAY || token == JsonToken.START_OBJECT) {
            context = context.getParent();
        }
        if (context != null && context.inArray() && context.getCurrentIndex() >= max) {
            throw new TooManyItems(this, field(context.getParent()), max);
        }
        return token;
    }

    /** Where the parser stands in the document as a field path: {@code lines[2].tags}; empty at the top. */
    static String field(JsonStreamContext context) {
        if (context == null || context.inRoot()) {
            return "";
        }
        String parent = field(context.getParent());
        if (context.inObject()) {
            String name = context.getCurrentName();
            return name == null ? parent : parent.isEmpty() ? name : parent + "." + name;
        }
        return parent + "[" + Math.max(0, context.getCurrentIndex()) + "]";
    }

    /** One of Jackson's read constraints, with the field where it was hit. */
    static final class Named extends StreamConstraintsException {
        private static final long serialVersionUID = 1L;
        final String field;

        Named(String message, String field) {
            super(message);
            this.field = field;
        }
    }

    /** An array with more items than allowed; answered 413 naming the array. */
    static final class TooManyItems extends StreamConstraintsException {
        private static final long serialVersionUID = 1L;
        final String field;
        final int max;

        TooManyItems(JsonParser parser, String field, int max) {
            super("array " + field + " has more than " + max + " items", parser.currentLocation());
            this.field = field;
            this.max = max;
        }
    }
}
