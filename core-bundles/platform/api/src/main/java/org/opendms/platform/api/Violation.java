package org.opendms.platform.api;

import java.util.Locale;
import java.util.Objects;

/**
 * One reason an input was refused: which field, a stable code for programs, and the reason in Chinese
 * and English for people.
 */
public record Violation(String field, String code, String messageZh, String messageEn) {

    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(messageZh, "messageZh");
        Objects.requireNonNull(messageEn, "messageEn");
    }

    /** The message in the language asked for; Chinese unless English is asked for. */
    public String message(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? messageEn : messageZh;
    }
}
