package org.opendms.platform.api;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every problem with an input before refusing it, so a user fixes all fields in one go.
 * Not thread-safe; one per validation.
 */
public final class Violations {

    private final List<Violation> found = new ArrayList<>();

    public Violations add(String field, String code, String zh, String en) {
        found.add(new Violation(field, code, zh, en));
        return this;
    }

    public Violations add(Violation violation) {
        found.add(violation);
        return this;
    }

    /** Refuses a missing or blank value; returns true when the value is present. */
    public boolean required(String field, String value) {
        if (value == null || value.isBlank()) {
            add(field, "required", field + " 不能为空", field + " is required");
            return false;
        }
        return true;
    }

    /** Refuses a value longer than max characters (code points, so a Chinese character counts once). */
    public boolean maxLength(String field, String value, int max) {
        if (value != null && value.codePointCount(0, value.length()) > max) {
            add(field, "too_long", field + " 不能超过 " + max + " 个字符", field + " must be at most " + max + " characters");
            return false;
        }
        return true;
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    public List<Violation> list() {
        return List.copyOf(found);
    }

    /** Throws an {@link DmsException.Kind#INVALID_INPUT} exception carrying every violation, if any. */
    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw DmsException.invalid(found);
        }
    }
}
