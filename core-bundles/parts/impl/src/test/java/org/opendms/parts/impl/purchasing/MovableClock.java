package org.opendms.parts.impl.purchasing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.opendms.platform.api.ShopClock;

/** The shop's clock in Shanghai for tests, standing still until a test moves it. */
public final class MovableClock implements ShopClock {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private volatile Instant now;

    public MovableClock(Instant start) {
        now = start;
    }

    public void forward(Duration by) {
        now = now.plus(by);
    }

    @Override
    public ZoneId zone() {
        return SHANGHAI;
    }

    @Override
    public Clock clock() {
        return Clock.fixed(now, SHANGHAI);
    }
}
