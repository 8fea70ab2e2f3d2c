package org.opendms.platform.rest.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "OpenDMS REST request limits", description = "How large a request body /api accepts")
public @interface LimitsConfig {

    String PID = "org.opendms.rest.limits";

    @AttributeDefinition(description = "Largest JSON request body in bytes (default 1 MB); a larger one is refused"
            + " with 413 before it is read")
    int jsonMaxBytes() default 1024 * 1024;

    @AttributeDefinition(description = "Largest body of any other type (uploads such as walk-around photos) in bytes"
            + " (default 32 MB); each upload also has its own limit, e.g. photoMaxBytes")
    int uploadMaxBytes() default 32 * 1024 * 1024;
}
