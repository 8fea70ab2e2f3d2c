package org.opendms.platform.rest.internal;

import org.opendms.platform.api.Violation;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON value the strict reader refuses, with the reason in both languages. Jackson adds the path of the field as
 * the failure travels up, so {@link #violation(String)} names the field the user sent ({@code items[2].note}).
 */
final class RefusedValue extends MismatchedInputException {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final String zh;
    private final String en;

    /** {@code zh} and {@code en} read after the field's name, e.g. "含有控制字符" / "contains a control character". */
    RefusedValue(JsonParser parser, String code, String zh, String en) {
        super(parser, en, (Class<?>) null);
        this.code = code;
        this.zh = zh;
        this.en = en;
    }

    Violation violation(String field) {
        String name = field.isEmpty() ? "value" : field;
        return new Violation(field, code, name + " " + zh, name + " " + en);
    }
}
