package org.opendms.platform.rest.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "OpenDMS shop", description = "Settings of the dealership this platform serves")
public @interface ShopConfig {

    String PID = "org.opendms.shop";

    @AttributeDefinition(description = "The shop's time zone; times in API answers are given in it (stored as UTC)")
    String timeZone() default "Asia/Shanghai";
}
