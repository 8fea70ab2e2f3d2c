package org.opendms.platform.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.opendms.platform.api.ShopClock;

/** A shop clock in Shanghai for tests: the system's, or one standing still at a given instant. */
public final class TestShopClock implements ShopClock {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final Clock clock;

    private TestShopClock(Clock clock) {
        this.clock = clock;
    }

    /** The system clock, in the shop's zone. */
    public static TestShopClock system() {
        return new TestShopClock(Clock.system(SHANGHAI));
    }

    /** A clock that always says {@code at}. */
    public static TestShopClock fixed(Instant at) {
        return new TestShopClock(Clock.fixed(at, SHANGHAI));
    }

    @Override
    public ZoneId zone() {
        return SHANGHAI;
    }

    @Override
    public Clock clock() {
        return clock;
    }
}
