package org.opendms.platform.shop;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;

import org.opendms.platform.api.ShopClock;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The shop's time zone from configuration; a change applies at once, without restarting anyone. */
@Component(service = ShopClock.class, configurationPid = ShopSettings.PID)
@Designate(ocd = ShopSettings.Config.class)
public class ShopSettings implements ShopClock {

    static final String PID = "org.opendms.shop";
    static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");
    private static final Logger LOG = LoggerFactory.getLogger(ShopSettings.class);

    @ObjectClassDefinition(name = "OpenDMS shop", description = "Settings of the dealership this platform serves")
    public @interface Config {
        @AttributeDefinition(description = "The shop's time zone, e.g. Asia/Shanghai; dates and times shown to staff use it")
        String timeZone() default "Asia/Shanghai";
    }

    private volatile Clock clock = Clock.system(DEFAULT_ZONE);

    @Activate
    @Modified
    void configure(Config config) {
        clock = Clock.system(parseZone(config.timeZone()));
    }

    static ZoneId parseZone(String configured) {
        try {
            return ZoneId.of(configured.trim());
        } catch (DateTimeException | NullPointerException e) {
            LOG.error("time zone '{}' in {} is not a zone id such as Asia/Shanghai; using Asia/Shanghai", configured,
                    PID);
            return DEFAULT_ZONE;
        }
    }

    @Override
    public ZoneId zone() {
        return clock.getZone();
    }

    @Override
    public Clock clock() {
        return clock;
    }
}
