package org.opendms.platform.api;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The shop's own time: its zone (configuration PID {@code org.opendms.shop}, key {@code timeZone}, default
 * Asia/Shanghai) and a clock in it. "Today", "due within 30 days" and every date shown to staff come from here,
 * never from the server's default zone.
 */
@ProviderType
public interface ShopClock {

    /** The shop's time zone. */
    ZoneId zone();

    /** A clock in the shop's zone. */
    Clock clock();

    /** Now, as an instant. */
    default Instant now() {
        return clock().instant();
    }

    /** Today's date at the shop. */
    default LocalDate today() {
        return LocalDate.now(clock());
    }
}
