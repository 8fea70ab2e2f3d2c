package org.opendms.printing.rest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code perMinute} requests a minute from one address (a fixed one-minute window): enough for a customer
 * opening a bill and its PDFs, far too few to try tokens. Small enough to keep here rather than add a rate-limit
 * library for one counter; the map is emptied of old windows when it grows.
 */
final class AddressLimit {

    private static final int MAX_ADDRESSES = 10_000;

    private record Window(long minute, int count) {
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final int perMinute;

    AddressLimit(int perMinute) {
        this.perMinute = perMinute;
    }

    /** 0 when the request may go on, else the seconds until the address may try again. */
    long admit(String address, long nowMillis) {
        long minute = nowMillis / 60_000;
        if (windows.size() > MAX_ADDRESSES) {
            windows.values().removeIf(w -> w.minute() < minute);
        }
        Window w = windows.merge(address == null ? "?" : address, new Window(minute, 1),
                (old, one) -> old.minute() == minute ? new Window(minute, old.count() + 1) : one);
        if (w.count() <= perMinute) {
            return 0;
        }
        return Math.max(1, (minute + 1) * 60 - nowMillis / 1000);
    }
}
