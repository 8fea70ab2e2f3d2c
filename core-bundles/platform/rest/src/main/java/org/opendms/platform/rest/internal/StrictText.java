package org.opendms.platform.rest.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.opendms.platform.api.Violations;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * Text in requests is text: a JSON number or boolean where a string is expected is refused (not turned into
 * {@code "123"}), and a string may not carry control characters (NUL, BEL, ESC: terminal escape codes that would reach
 * a console or a printout), bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069, which make a name read
 * differently from what is stored) or unpaired surrogates. A line break or tab is allowed only in free text whose
 * name says so (notes, reasons, descriptions: {@link #multiLine}). Enum values must be one of the names exactly, no
 * spaces around. Part of the JSON provider, so every module and plugin gets it.
 */
final class StrictText {

    private StrictText() {
    }

    /** The module that installs the checks. */
    static SimpleModule module() {
        SimpleModule module = new SimpleModule("strict-text");
        module.addDeserializer(String.class, new Text(false));
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            private static final long serialVersionUID = 1L;

            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                    BeanDescription beanDesc, JsonDeserializer<?> deserializer) {
                return new ExactEnum(type.getRawClass(), deserializer);
            }
        });
        return module;
    }

    /**
     * Free text where a line break is legitimate, by the field's name: {@code note}, {@code notes}, {@code reason},
     * {@code description} and names ending in them ({@code pauseReason}), and a few more.
     */
    static boolean multiLine(String field) {
        if (field == null) {
            return false;
        }
        String f = field.toLowerCase(Locale.ROOT);
        return f.endsWith("note") || f.endsWith("notes") || f.endsWith("reason") || f.endsWith("description")
                || f.endsWith("remark") || f.endsWith("remarks") || f.endsWith("comment") || f.endsWith("comments")
                || Set.of("text", "walkaround", "findings", "correction", "cause", "condition", "problem").contains(f);
    }

    /**
     * Why the text is refused, as {code, zh, en} after the field's name, or null when it is fine. Positions count
     * characters from 1.
     */
    static String[] refusal(String text, boolean multiLine) {
        // blank text is the services' to judge (required or not); zero-width characters that make it look filled are not
        if (text.codePoints().allMatch(StrictText::invisible) && text.codePoints().anyMatch(StrictText::zeroWidth)) {
            return new String[] { "text.invisible", "只含有看不见的字符（空格、零宽字符），请填写内容",
                    "holds only invisible characters (spaces, zero-width characters): enter some text" };
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int at = i + 1;
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return unpaired(at);
            }
            if (Character.isLowSurrogate(c)) {
                return unpaired(at);
            }
            if (c == '\n' || c == '\r' || c == '\t') {
                if (!multiLine) {
                    return new String[] { "text.line_break", "不能含有换行符或制表符（第 " + at + " 个字符）",
                            "must be one line, without line breaks or tabs (character " + at + ")" };
                }
                continue;
            }
            if (c < 0x20 || c >= 0x7F && c <= 0x9F) {
                return new String[] { "text.control_character",
                        "不能含有控制字符（第 " + at + " 个字符，U+" + hex(c) + "）",
                        "must not contain control characters (character " + at + ", U+" + hex(c) + ")" };
            }
            if (c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069) {
                return new String[] { "text.bidi_override",
                        "不能含有改变文字方向的控制符（第 " + at + " 个字符，U+" + hex(c) + "）",
                        "must not contain text-direction overrides (character " + at + ", U+" + hex(c) + ")" };
            }
        }
        return null;
    }

    /** Blank or zero-width: a text made only of these looks empty on every screen and printout. */
    private static boolean invisible(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || zeroWidth(c);
    }

    private static boolean zeroWidth(int c) {
        return c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF || c == 0x00AD || c == 0x180E;
    }

    private static String[] unpaired(int at) {
        return new String[] { "text.unpaired_surrogate", "含有不完整的 Unicode 字符（第 " + at + " 个字符）",
                "contains a broken Unicode character, an unpaired surrogate (character " + at + ")" };
    }

    private static String hex(char c) {
        return String.format("%04X", (int) c);
    }

    /**
     * Query parameters are text too (a search, a photo's caption): one line, without control characters, overrides or
     * broken Unicode; refused with 400 naming the parameter.
     */
    static void refuseOddQueryText(Map<String, List<String>> query) {
        Violations v = new Violations();
        for (Map.Entry<String, List<String>> parameter : new TreeMap<>(query).entrySet()) {
            for (String value : parameter.getValue()) {
                String[] refused = value == null ? null : refusal(value, false);
                if (refused != null) {
                    String name = parameter.getKey();
                    v.add(name, refused[0], name + " " + refused[1], name + " " + refused[2]);
                    break;
                }
            }
        }
        v.throwIfAny();
    }

    /** Strings: only a JSON string, checked as above. */
    static final class Text extends StdScalarDeserializer<String> implements ContextualDeserializer {
        private static final long serialVersionUID = 1L;
        private final boolean multiLine;

        Text(boolean multiLine) {
            super(String.class);
            this.multiLine = multiLine;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
            boolean lines = property != null && multiLine(property.getName());
            return lines == multiLine ? this : new Text(lines);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            String text = p.getText();
            String[] refused = refusal(text, multiLine);
            if (refused != null) {
                throw new RefusedValue(p, refused[0], refused[1], refused[2]);
            }
            return text;
        }

        @Override
        public boolean isCachable() {
            return true;
        }
    }

    /** Enums: the name exactly as declared (Jackson alone would also take it with spaces around). */
    static final class ExactEnum extends StdDeserializer<Object> implements ContextualDeserializer {
        private static final long serialVersionUID = 1L;
        private final JsonDeserializer<?> standard;
        private final Set<String> names;

        ExactEnum(Class<?> type, JsonDeserializer<?> standard) {
            super(type);
            this.standard = standard;
            Object[] constants = type.getEnumConstants();
            this.names = constants == null ? Set.of()
                    : Arrays.stream(constants).map(e -> ((Enum<?>) e).name())
                            .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property)
                throws com.fasterxml.jackson.databind.JsonMappingException {
            JsonDeserializer<?> contextual = standard instanceof ContextualDeserializer c
                    ? c.createContextual(ctxt, property)
                    : standard;
            return contextual == standard ? this : new ExactEnum(handledType(), contextual);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.hasToken(JsonToken.VALUE_STRING) && !names.contains(p.getText())) {
                String list = String.join(", ", names);
                throw new RefusedValue(p, "wrong_type", "应为以下之一：" + list, "must be one of: " + list);
            }
            return standard.deserialize(p, ctxt);
        }
    }
}
