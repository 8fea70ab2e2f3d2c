package org.opendms.settlement.api.payment;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A notification exactly as the provider sent it, before any check: the headers (names lower case) and the raw body
 * bytes (a signature is over the bytes, not over a parsed copy).
 */
public record Notification(Map<String, String> headers, byte[] body) {

    public Notification {
        headers = headers.entrySet().stream().collect(
                Collectors.toUnmodifiableMap(e -> e.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue,
                        (a, b) -> a));
        body = body.clone();
    }

    /** A header by name, any case; null when absent. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    @Override
    public byte[] body() {
        return body.clone();
    }
}
