package org.opendms.workorder.impl;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

import org.opendms.platform.api.ShopClock;

/** A Shanghai shop clock that stands still until a test moves it on. */
final class MutableShopClock implements ShopClock {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final AtomicReference<Instant> now;

    MutableShopClock(Instant start) {
        now = new AtomicReference<>(start);
    }

    void advance(Duration d) {
        now.updateAndGet(i -> i.plus(d));
    }

    @Override
    public ZoneId zone() {
        return SHANGHAI;
    }

    @Override
    public Clock clock() {
        return Clock.fixed(now.get(), SHANGHAI);
    }
}
